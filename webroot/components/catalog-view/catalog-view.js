// #/catalog: search + tag filter + paging over GET /api/tracks, with the profile panel aside.
// State lives in the hash (#/catalog?q=&tag=&page=) so back/forward and reloads keep it.
import * as api from '../../api.js';
import { h, useStyles, clear, fill } from '../../lib/dom.js';
import '../track-card/track-card.js';
import '../profile-panel/profile-panel.js';

import { isLibraryTrack } from '../../lib/player.js';

useStyles(import.meta.url);

const PAGE_SIZE = 24;

class CatalogView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('catalog-view');
    this.knownTags = new Map();
    this.search = h('input', { type: 'search', placeholder: 'Search title, artist, album…', 'aria-label': 'Search tracks', 'data-testid': 'catalog-search', class: 'grow' });
    this.search.addEventListener('input', () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.update({ q: this.search.value.trim(), page: 1 }), 300);
    });
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        clearTimeout(this.debounce);
        this.update({ q: this.search.value.trim(), page: 1 });
      }
    });
    this.chips = h('div', { class: 'tag-chips', role: 'group', 'aria-label': 'Filter by tag', 'data-testid': 'tag-chips' });
    this.status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', 'data-testid': 'catalog-status' });
    this.grid = h('div', { class: 'track-grid', 'data-testid': 'track-grid' });
    this.pager = h('nav', { class: 'pager row', 'aria-label': 'Pages' });
    fill(this, 
      h('div', { class: 'catalog-main stack' },
        h('div', { class: 'row' }, h('h1', { class: 'grow' }, 'Catalog')),
        h('form', { class: 'row search-row', role: 'search', onsubmit: (e) => e.preventDefault() }, this.search),
        this.chips, this.status, this.grid, this.pager),
      h('aside', { class: 'catalog-aside', 'aria-label': 'Your profile' }, h('ts-profile-panel')),
    );
    // a scanned track's ▶ plays this page's scanned tracks as a queue from that track (next / previous in the player bar)
    this.grid.addEventListener('play-request', (e) => {
      if (e.detail?.fromList) return;
      const one = e.detail?.tracks?.[0];
      const list = (this.items ?? []).filter((t) => isLibraryTrack(t));
      const at = list.findIndex((t) => t.id === one?.id);
      if (at < 0 || list.length < 2) return;
      e.stopPropagation();
      this.grid.dispatchEvent(new CustomEvent('play-request', { bubbles: true, detail: { tracks: list, index: at, fromList: true } }));
    });
    this.addEventListener('tag-select', (e) => {
      e.stopPropagation();
      this.update({ tag: this.state.tag === e.detail.tag ? '' : e.detail.tag, page: 1 });
    });
    this.route(this.routeParams ?? {});
  }

  disconnectedCallback() {
    clearTimeout(this.debounce);
    this.abort?.abort();
  }

  /** Called by the router when only the query changed. */
  route({ query } = {}) {
    const q = query ?? new URLSearchParams();
    this.state = { q: q.get('q') ?? '', tag: q.get('tag') ?? '', page: Math.max(1, parseInt(q.get('page') ?? '1', 10) || 1) };
    if (document.activeElement !== this.search) this.search.value = this.state.q;
    this.load();
  }

  update(patch) {
    const next = { ...this.state, ...patch };
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    if (next.tag) params.set('tag', next.tag);
    if (next.page > 1) params.set('page', String(next.page));
    const qs = params.toString();
    const hash = `#/catalog${qs ? `?${qs}` : ''}`;
    if (location.hash === hash) this.route({ query: params });
    else location.hash = hash;
  }

  async load() {
    this.abort?.abort();
    this.abort = new AbortController();
    const { q, tag, page } = this.state;
    this.renderChips();
    fill(this.status, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading…');
    this.grid.setAttribute('aria-busy', 'true');
    try {
      const res = await api.get('/api/tracks', { q, tag, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, { signal: this.abort.signal });
      const items = Array.isArray(res?.items) ? res.items : [];
      const total = typeof res?.total === 'number' ? res.total : items.length;
      for (const t of items) for (const tg of t.tags ?? []) this.knownTags.set(tg, (this.knownTags.get(tg) ?? 0) + 1);
      this.renderChips();
      this.renderItems(items, total);
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.status.textContent = '';
      clear(this.grid).append(h('p', { class: 'form-error', role: 'alert', 'data-testid': 'catalog-error' }, `Could not load tracks: ${e.message}`));
      clear(this.pager);
    } finally {
      this.grid.removeAttribute('aria-busy');
    }
  }

  renderChips() {
    const tags = [...this.knownTags.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([t]) => t);
    if (this.state.tag && !tags.includes(this.state.tag)) tags.unshift(this.state.tag);
    clear(this.chips);
    if (!tags.length) return;
    this.chips.append(h('button', { type: 'button', class: 'chip', 'aria-pressed': String(!this.state.tag), onclick: () => this.update({ tag: '', page: 1 }) }, 'All'));
    for (const t of tags) {
      this.chips.append(h('button', {
        type: 'button', class: 'chip', 'aria-pressed': String(this.state.tag === t), 'data-testid': 'tag-chip', 'data-tag': t,
        onclick: () => this.update({ tag: this.state.tag === t ? '' : t, page: 1 }),
      }, t));
    }
  }

  renderItems(items, total) {
    const { page } = this.state;
    const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
    const to = (page - 1) * PAGE_SIZE + items.length;
    this.status.textContent = total === 0 ? 'No tracks match.' : `Showing ${from}–${to} of ${total}`;
    clear(this.grid);
    this.items = items;
    if (!items.length) {
      this.grid.append(h('p', { class: 'empty', 'data-testid': 'catalog-empty' }, this.state.q || this.state.tag ? 'No tracks match your search.' : 'The catalog is empty.'));
    }
    for (const t of items) {
      const card = document.createElement('ts-track-card');
      card.track = t;
      this.grid.append(card);
    }
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    clear(this.pager);
    if (pages > 1) {
      this.pager.append(
        h('button', { class: 'btn', disabled: page <= 1, 'data-testid': 'page-prev', onclick: () => this.update({ page: page - 1 }) }, '← Previous'),
        h('span', { class: 'muted', 'aria-current': 'page' }, `Page ${page} of ${pages}`),
        h('button', { class: 'btn', disabled: page >= pages, 'data-testid': 'page-next', onclick: () => this.update({ page: page + 1 }) }, 'Next →'),
      );
    }
  }
}

customElements.define('ts-catalog-view', CatalogView);
