// <ts-conversation-list>: GET /api/conversations; bubbles `conversation-select` {id}
// and `conversation-new`.
import * as api from '../../api.js';
import { h, useStyles, clear, emit, formatDate, fill } from '../../lib/dom.js';

useStyles(import.meta.url);

class ConversationList extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('conversation-list');
    this.list = h('ul', { class: 'conv-items', 'data-testid': 'conversation-list' });
    fill(this, 
      h('button', { class: 'btn btn-primary new-chat', 'data-testid': 'new-chat', onclick: () => emit(this, 'conversation-new', {}) }, '+ New chat'),
      h('h2', { class: 'conv-heading' }, 'History'),
      this.list);
    this.refresh();
  }

  set selected(id) {
    this._selected = id ?? null;
    for (const a of this.list.querySelectorAll('a')) {
      a.setAttribute('aria-current', String(a.dataset.id === String(this._selected)));
    }
  }

  get selected() {
    return this._selected;
  }

  /** Reloads the list; resolves to its items (newest first). */
  async refresh() {
    try {
      const res = await api.get('/api/conversations');
      const items = (Array.isArray(res?.items) ? res.items : [])
        .slice()
        .sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')));
      clear(this.list);
      if (!items.length) this.list.append(h('li', { class: 'muted small' }, 'No conversations yet.'));
      for (const c of items) {
        const a = h('a', {
          href: `#/chat/${encodeURIComponent(c.id)}`, 'data-id': String(c.id), 'data-testid': 'conversation-item',
          'aria-current': String(String(c.id) === String(this._selected)),
        }, h('span', { class: 'conv-title' }, c.title || 'Untitled conversation'), h('span', { class: 'muted small' }, formatDate(c.updatedAt)));
        a.addEventListener('click', (e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          emit(this, 'conversation-select', { id: c.id });
        });
        this.list.append(h('li', a));
      }
      return items;
    } catch (e) {
      clear(this.list).append(h('li', { class: 'muted small' }, e.status === 404 ? 'History is not available on this server.' : `Could not load history: ${e.message}`));
      return [];
    }
  }
}

customElements.define('ts-conversation-list', ConversationList);
