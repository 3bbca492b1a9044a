// Admin catalog: imports (<ts-admin-import>: upload or server path) and edit tracks
// (PATCH /api/admin/tracks/{id}: hidden, title, tags).
import * as api from '../../api.js';
import { h, useStyles, emit, show, fill } from '../../lib/dom.js';
import { table } from '../../lib/admin.js';
import { toast, showError } from '../../lib/ui.js';
import '../admin-import/admin-import.js';

useStyles(import.meta.url);

class AdminCatalog extends HTMLElement {
  connectedCallback() {
    this.q = h('input', { type: 'search', placeholder: 'Search tracks to edit', 'aria-label': 'Search tracks', 'data-testid': 'admin-track-search' });
    this.q.addEventListener('input', () => {
      clearTimeout(this.t);
      this.t = setTimeout(() => this.search(), 300);
    });
    this.byId = h('input', { placeholder: 'Track id', 'aria-label': 'Track id', size: 12 });
    this.results = h('div');
    fill(this, h('h2', 'Catalog'), h('ts-admin-import'),
      h('section', { class: 'card stack' },
        h('h3', 'Edit tracks'),
        h('p', { class: 'muted small' }, 'Hidden tracks disappear from search and recommendations. Edit a hidden track by its id.'),
        h('div', { class: 'toolbar' }, this.q, this.byId,
          h('button', { class: 'btn', type: 'button', onclick: () => this.editById() }, 'Edit by id')),
        this.results));
    this.search();
  }

  disconnectedCallback() {
    clearTimeout(this.t);
  }

  async search() {
    try {
      const res = await api.get('/api/tracks', { q: this.q.value.trim(), limit: 20 });
      this.render(Array.isArray(res?.items) ? res.items : []);
    } catch (e) {
      fill(this.results, h('p', { class: 'form-error' }, e.message));
    }
  }

  async editById() {
    const id = this.byId.value.trim();
    if (!id) return;
    try {
      this.render([await api.get(`/api/tracks/${encodeURIComponent(id)}`)]);
    } catch (e) {
      // A hidden track may not be readable through the public endpoint: edit it blind.
      if (e.status === 404) this.render([{ id, title: '', tags: [], hidden: true, unknown: true }]);
      else showError(e);
    }
  }

  render(tracks) {
    fill(this.results, table([
      { label: 'Id', cell: (t) => h('code', { class: 'small' }, String(t.id)) },
      { label: 'Title', cell: (t) => (t._title = h('input', { value: t.title ?? '', 'aria-label': `Title of ${t.id}`, 'data-testid': 'track-title-input' })) },
      { label: 'Artist', cell: (t) => show(t.artist) },
      { label: 'Tags', cell: (t) => (t._tags = h('input', { value: (t.tags ?? []).join(', '), 'aria-label': `Tags of ${t.id}`, placeholder: 'comma, separated' })) },
      { label: 'Hidden', cell: (t) => (t._hidden = h('input', { type: 'checkbox', checked: !!t.hidden, 'aria-label': `Hide ${t.id}`, 'data-testid': 'track-hidden' })) },
      { label: '', cell: (t) => h('button', { class: 'btn btn-small btn-primary', 'data-testid': 'track-save', onclick: () => this.save(t) }, 'Save') },
    ], tracks, { testid: 'admin-tracks', empty: 'No tracks.' }));
  }

  async save(t) {
    const body = { hidden: t._hidden.checked };
    const title = t._title.value.trim();
    if (title && title !== t.title) body.title = title;
    const tags = t._tags.value.split(',').map((s) => s.trim()).filter(Boolean);
    if (tags.join(',') !== (t.tags ?? []).join(',') && !(t.unknown && !tags.length)) body.tags = tags;
    try {
      await api.patch(`/api/admin/tracks/${encodeURIComponent(t.id)}`, body);
      Object.assign(t, body);
      toast(`Saved ${title || t.id}`, 'ok', 2500);
    } catch (e) {
      showError(e, 'Save failed: ');
    }
  }
}

customElements.define('ts-admin-catalog', AdminCatalog);
