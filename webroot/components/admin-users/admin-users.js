// Admin users: search + paging over GET /api/admin/users, role/disable toggles (PATCH),
// JSON export and data deletion (confirmed).
import * as api from '../../api.js';
import * as session from '../../session.js';
import { h, useStyles, formatDate, fill } from '../../lib/dom.js';
import { table } from '../../lib/admin.js';
import { toast, showError, confirmDialog } from '../../lib/ui.js';

useStyles(import.meta.url);

const PAGE = 25;
const GRANTABLE = ['creator', 'admin'];

class AdminUsers extends HTMLElement {
  connectedCallback() {
    this.offset = 0;
    this.q = h('input', { type: 'search', placeholder: 'Search username', 'aria-label': 'Search users', 'data-testid': 'users-search' });
    this.q.addEventListener('input', () => {
      clearTimeout(this.t);
      this.t = setTimeout(() => { this.offset = 0; this.load(); }, 300);
    });
    this.body = h('div');
    this.pager = h('div', { class: 'row pager' });
    fill(this, h('div', { class: 'row between' }, h('h2', 'Users'), this.q), this.body, this.pager);
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.t);
  }

  async load() {
    try {
      const res = await api.get('/api/admin/users', { q: this.q.value.trim(), limit: PAGE, offset: this.offset });
      this.items = Array.isArray(res?.items) ? res.items : [];
      this.total = typeof res?.total === 'number' ? res.total : null;
      this.render();
    } catch (e) {
      fill(this.body, h('p', { class: 'form-error', role: 'alert' }, `Could not load users: ${e.message}`));
    }
  }

  render() {
    const me = session.user();
    fill(this.body, table([
      { label: 'User', cell: (u) => h('strong', u.username ?? '—') },
      { label: 'Roles', cell: (u) => this.roleToggles(u, me) },
      { label: 'Status', cell: (u) => this.disableToggle(u, me) },
      { label: 'Created', cell: (u) => formatDate(u.createdAt) },
      { label: 'Data', cell: (u) => h('div', { class: 'row' },
        h('button', { class: 'btn btn-small', 'data-testid': 'user-export', onclick: () => this.exportUser(u) }, 'Export'),
        h('button', { class: 'btn btn-small btn-danger', 'data-testid': 'user-delete-data', onclick: () => this.deleteData(u) }, 'Delete data')) },
    ], this.items, { testid: 'users-table', empty: 'No users match.', rowAttrs: (u) => ({ 'data-user-id': u.id }) }));
    const from = this.items.length ? this.offset + 1 : 0;
    const to = this.offset + this.items.length;
    fill(this.pager,
      h('button', { class: 'btn btn-small', disabled: this.offset === 0, onclick: () => { this.offset = Math.max(0, this.offset - PAGE); this.load(); } }, '← Prev'),
      h('span', { class: 'muted small' }, `${from}–${to}${this.total !== null ? ` of ${this.total}` : ''}`),
      h('button', { class: 'btn btn-small', disabled: this.total !== null ? to >= this.total : this.items.length < PAGE, onclick: () => { this.offset += PAGE; this.load(); } }, 'Next →'));
  }

  roleToggles(u, me) {
    const roles = Array.isArray(u.roles) ? u.roles : [];
    return h('div', { class: 'row' },
      h('span', { class: 'badge', title: 'Everyone is a listener' }, 'listener'),
      GRANTABLE.map((r) => {
        const self = me && (me.id === u.id || me.username === u.username) && r === 'admin';
        const cb = h('input', { type: 'checkbox', checked: roles.includes(r), disabled: self, 'data-testid': `role-${r}` });
        cb.addEventListener('change', async () => {
          const next = cb.checked ? [...new Set([...roles, r])] : roles.filter((x) => x !== r);
          if (!next.includes('listener')) next.unshift('listener');
          await this.patch(u, { roles: next }, `${cb.checked ? 'Granted' : 'Removed'} ${r} for ${u.username}`, () => { cb.checked = !cb.checked; });
        });
        return h('label', { class: 'check-label', title: self ? 'You cannot remove your own admin role' : null }, cb, ` ${r}`);
      }));
  }

  disableToggle(u, me) {
    const self = me && (me.id === u.id || me.username === u.username);
    const btn = h('button', {
      class: ['btn btn-small', u.disabled ? '' : 'btn-outline-danger'], 'aria-pressed': String(!!u.disabled), disabled: self, 'data-testid': 'user-disable',
      onclick: async () => {
        const disabled = !u.disabled;
        if (disabled && !await confirmDialog(`Disable ${u.username}? They will be signed out of the chat and cannot log in.`, { confirmLabel: 'Disable', danger: true })) return;
        await this.patch(u, { disabled }, `${disabled ? 'Disabled' : 'Enabled'} ${u.username}`);
      },
    }, u.disabled ? 'Enable' : 'Disable');
    return h('div', { class: 'row' }, h('span', { class: `badge ${u.disabled ? 'badge-danger' : 'badge-ok'}` }, u.disabled ? 'disabled' : 'active'), btn);
  }

  async patch(u, body, message, revert) {
    try {
      const updated = await api.patch(`/api/admin/users/${encodeURIComponent(u.id)}`, body);
      Object.assign(u, body, updated && typeof updated === 'object' ? updated : {});
      toast(message, 'ok', 2500);
    } catch (e) {
      revert?.();
      showError(e, 'Update failed: ');
    }
    this.render();
  }

  async exportUser(u) {
    try {
      await api.download(`/api/admin/users/${encodeURIComponent(u.id)}/export`, null, `user-${u.username ?? u.id}.json`);
    } catch (e) {
      showError(e, 'Export failed: ');
    }
  }

  async deleteData(u) {
    const ok = await confirmDialog(`Delete all listening data, conversations and creations of ${u.username}? This cannot be undone.`, { confirmLabel: 'Delete data', danger: true });
    if (!ok) return;
    try {
      await api.del(`/api/admin/users/${encodeURIComponent(u.id)}/data`);
      toast(`Deleted data of ${u.username}`, 'ok');
      this.load();
    } catch (e) {
      showError(e, 'Delete failed: ');
    }
  }
}

customElements.define('ts-admin-users', AdminUsers);
