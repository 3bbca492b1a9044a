// Admin content moderation: GET /api/admin/content?kind=, PATCH {hidden}, DELETE.
import * as api from '../../api.js';
import { h, useStyles, show, formatDate, fill } from '../../lib/dom.js';
import { table } from '../../lib/admin.js';
import { toast, showError, confirmDialog } from '../../lib/ui.js';

useStyles(import.meta.url);

const KINDS = ['lyrics', 'melody', 'playlist'];

class AdminContent extends HTMLElement {
  connectedCallback() {
    this.kind = 'lyrics';
    this.chips = h('div', { class: 'row', role: 'group', 'aria-label': 'Content kind' });
    this.body = h('div');
    fill(this, h('h2', 'Content'), this.chips, this.body);
    this.load();
  }

  async load() {
    fill(this.chips, KINDS.map((k) => h('button', { type: 'button', class: 'chip', 'aria-pressed': String(k === this.kind), 'data-testid': `content-kind-${k}`, onclick: () => { this.kind = k; this.load(); } }, k)));
    try {
      const res = await api.get('/api/admin/content', { kind: this.kind });
      this.items = Array.isArray(res?.items) ? res.items : Array.isArray(res) ? res : [];
      this.render();
    } catch (e) {
      fill(this.body, h('p', { class: 'form-error', role: 'alert' }, `Could not load content: ${e.message}`));
    }
  }

  render() {
    const kind = this.kind;
    fill(this.body, table([
      { label: 'Title', cell: (c) => h('strong', show(c.title ?? c.name)) },
      { label: 'Owner', cell: (c) => show(c.ownerName ?? c.owner ?? c.username ?? c.userId) },
      { label: 'Preview', cell: (c) => h('span', { class: 'small muted clamp' }, show(typeof c.content === 'string' ? c.content.slice(0, 160) : c.text?.slice?.(0, 160) ?? c.abc?.slice?.(0, 160))) },
      { label: 'Created', cell: (c) => formatDate(c.createdAt) },
      { label: 'Visibility', cell: (c) => h('button', { class: 'btn btn-small', 'aria-pressed': String(!!c.hidden), 'data-testid': 'content-hide', onclick: () => this.setHidden(kind, c, !c.hidden) }, c.hidden ? 'Unhide' : 'Hide') },
      { label: '', cell: (c) => h('button', { class: 'btn btn-small btn-danger', 'data-testid': 'content-delete', onclick: () => this.remove(kind, c) }, 'Delete') },
    ], this.items, { testid: 'content-table', empty: `No ${kind} content.` }));
  }

  async setHidden(kind, c, hidden) {
    try {
      await api.patch(`/api/admin/content/${kind}/${encodeURIComponent(c.id)}`, { hidden });
      c.hidden = hidden;
      toast(`${hidden ? 'Hidden' : 'Visible again'}: ${c.title ?? c.id}`, 'ok', 2500);
      this.render();
    } catch (e) {
      showError(e, 'Update failed: ');
    }
  }

  async remove(kind, c) {
    if (!await confirmDialog(`Delete this ${kind} (“${c.title ?? c.id}”)? This cannot be undone.`, { confirmLabel: 'Delete', danger: true })) return;
    try {
      await api.del(`/api/admin/content/${kind}/${encodeURIComponent(c.id)}`);
      this.items = this.items.filter((x) => x !== c);
      toast('Deleted', 'ok', 2500);
      this.render();
    } catch (e) {
      showError(e, 'Delete failed: ');
    }
  }
}

customElements.define('ts-admin-content', AdminContent);
