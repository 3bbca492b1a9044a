// #/admin and #/admin/{tab}: the administrator dashboard. Each tab is its own component,
// created on first selection.
import { h, useStyles, fill } from '../../lib/dom.js';

useStyles(import.meta.url);

const TABS = [
  { id: 'overview', label: 'Overview', tag: 'ts-admin-overview', module: '../admin-overview/admin-overview.js' },
  { id: 'users', label: 'Users', tag: 'ts-admin-users', module: '../admin-users/admin-users.js' },
  { id: 'catalog', label: 'Catalog', tag: 'ts-admin-catalog', module: '../admin-catalog/admin-catalog.js' },
  { id: 'jobs', label: 'Jobs', tag: 'ts-admin-jobs', module: '../admin-jobs/admin-jobs.js' },
  { id: 'models', label: 'Models & eval', tag: 'ts-admin-models', module: '../admin-models/admin-models.js' },
  { id: 'content', label: 'Content', tag: 'ts-admin-content', module: '../admin-content/admin-content.js' },
  { id: 'audit', label: 'Audit', tag: 'ts-admin-audit', module: '../admin-audit/admin-audit.js' },
];

class AdminView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('admin-view');
    this.tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Admin sections' }, TABS.map((t) => h('button', {
      role: 'tab', id: `admin-tab-${t.id}`, 'aria-controls': 'admin-panel', 'aria-selected': 'false', tabindex: '-1', type: 'button',
      'data-testid': `admin-tab-${t.id}`, 'data-tab': t.id, class: 'tab', onclick: () => this.go(t.id),
    }, t.label)));
    this.tabs.addEventListener('keydown', (e) => this.onKey(e));
    this.panel = h('section', { id: 'admin-panel', role: 'tabpanel', class: 'admin-panel', tabindex: '0', 'data-testid': 'admin-panel' });
    fill(this, h('h1', 'Admin'), this.tabs, this.panel);
    this.addEventListener('admin-tab', (e) => this.go(e.detail.tab));
    this.route(this.routeParams ?? {});
  }

  route({ params = [] } = {}) {
    this.select(TABS.some((t) => t.id === params[0]) ? params[0] : 'overview');
  }

  go(id) {
    location.hash = `#/admin/${id}`;
  }

  onKey(e) {
    const i = TABS.findIndex((t) => t.id === this.current);
    let next = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    this.go(TABS[next].id);
    this.tabs.querySelector(`[data-tab="${TABS[next].id}"]`).focus();
  }

  async select(id) {
    if (this.current === id) return;
    this.current = id;
    const tab = TABS.find((t) => t.id === id);
    for (const b of this.tabs.children) {
      const on = b.dataset.tab === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', `admin-tab-${id}`);
    await import(tab.module);
    if (this.current !== id) return;
    // Re-create on every visit: tabs stop their timers/streams when removed.
    fill(this.panel, document.createElement(tab.tag));
  }
}

customElements.define('ts-admin-view', AdminView);
