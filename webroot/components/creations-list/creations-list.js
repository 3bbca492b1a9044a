// <ts-creations-list>: "My creations" from GET /api/me/artifacts; each entry opens lazily
// into a lyrics or melody card.
import * as api from '../../api.js';
import { h, useStyles, clear, formatDate, fill } from '../../lib/dom.js';
import { artifactToCard } from '../../lib/payload.js';
import '../lyrics-card/lyrics-card.js';
import '../melody-card/melody-card.js';

useStyles(import.meta.url);

class CreationsList extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.kind = '';
    this.classList.add('creations-list');
    this.filter = h('div', { class: 'row', role: 'group', 'aria-label': 'Filter creations' },
      [['', 'All'], ['lyrics', 'Lyrics'], ['melody', 'Melodies']].map(([k, label]) => h('button', {
        type: 'button', class: 'chip', 'aria-pressed': String(k === this.kind), 'data-kind': k,
        onclick: () => { this.kind = k; this.render(); },
      }, label)));
    this.list = h('ul', { class: 'creations', 'data-testid': 'creations-list' });
    fill(this, h('div', { class: 'row between' }, h('h2', 'My creations'),
      h('button', { class: 'btn btn-small', onclick: () => this.refresh() }, '↻ Refresh')), this.filter, this.list);
    this.refresh();
  }

  async refresh() {
    clear(this.list).append(h('li', { class: 'muted' }, 'Loading…'));
    try {
      const res = await api.get('/api/me/artifacts');
      this.items = Array.isArray(res?.items) ? res.items : [];
      this.error = null;
    } catch (e) {
      this.items = [];
      this.error = e;
    }
    this.render();
  }

  render() {
    for (const b of this.filter.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.kind === this.kind));
    clear(this.list);
    if (this.error) {
      this.list.append(h('li', { class: 'form-error' }, `Could not load your creations: ${this.error.message}`));
      return;
    }
    const items = (this.items ?? []).filter((a) => !this.kind || a.kind === this.kind);
    if (!items.length) this.list.append(h('li', { class: 'empty' }, 'Nothing here yet — generate lyrics or a melody above.'));
    for (const a of items) {
      const body = h('div', { class: 'creation-body' });
      const details = h('details', { class: 'creation', 'data-testid': 'creation-item', 'data-kind': a.kind ?? '' },
        h('summary', h('span', { class: 'badge' }, a.kind === 'melody' ? '♩ melody' : '✎ lyrics'), ' ', h('strong', a.title || 'Untitled'), ' ', h('span', { class: 'muted small' }, formatDate(a.createdAt))),
        body);
      details.addEventListener('toggle', () => {
        if (!details.open || body.firstChild) return;
        const card = document.createElement(a.kind === 'melody' ? 'ts-melody-card' : 'ts-lyrics-card');
        card[a.kind === 'melody' ? 'melody' : 'lyrics'] = artifactToCard(a);
        body.append(card);
      });
      this.list.append(h('li', details));
    }
  }
}

customElements.define('ts-creations-list', CreationsList);
