// Admin audit log: GET /api/admin/audit?actor=&action=&limit=
import * as api from '../../api.js';
import { h, useStyles, show, formatDate, fill } from '../../lib/dom.js';
import { table, details } from '../../lib/admin.js';

useStyles(import.meta.url);

class AdminAudit extends HTMLElement {
  connectedCallback() {
    this.actor = h('input', { name: 'actor', placeholder: 'Actor', 'aria-label': 'Actor', 'data-testid': 'audit-actor' });
    this.action = h('input', { name: 'action', placeholder: 'Action (e.g. user.patch)', 'aria-label': 'Action', 'data-testid': 'audit-action' });
    this.limit = h('select', { 'aria-label': 'Limit' }, [50, 100, 200, 500].map((n) => h('option', { value: n }, `${n} rows`)));
    this.body = h('div');
    fill(this, h('h2', 'Audit log'),
      h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); this.load(); } }, this.actor, this.action, this.limit, h('button', { class: 'btn btn-primary', type: 'submit' }, 'Filter')),
      this.body);
    this.load();
  }

  async load() {
    try {
      const res = await api.get('/api/admin/audit', { actor: this.actor.value.trim(), action: this.action.value.trim(), limit: this.limit.value });
      const items = Array.isArray(res?.items) ? res.items : [];
      fill(this.body, table([
        { label: 'When', cell: (a) => formatDate(a.at) },
        { label: 'Actor', cell: (a) => show(a.actorName) },
        { label: 'Action', cell: (a) => h('code', show(a.action)) },
        { label: 'Target', cell: (a) => show(a.target) },
        { label: 'Details', cell: (a) => details(a.details) },
      ], items, { testid: 'audit-table', empty: 'No audit entries match.' }));
    } catch (e) {
      fill(this.body, h('p', { class: 'form-error', role: 'alert' }, `Could not load the audit log: ${e.message}`));
    }
  }
}

customElements.define('ts-admin-audit', AdminAudit);
