// Small helpers shared by the admin tabs.
import { h, show, DASH } from './dom.js';

/** table([{label, cell: (row) => Node|string}], rows, {testid, empty}) */
export function table(columns, rows, { testid, empty = 'Nothing to show.', rowAttrs, label } = {}) {
  if (!rows?.length) return h('p', { class: 'empty', 'data-testid': testid ? `${testid}-empty` : null }, empty);
  // Focusable, named region: a table wider than a phone scrolls sideways, also by keyboard.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label ?? `${columns.map((c) => c.label).filter(Boolean).slice(0, 3).join(', ')} table` },
    h('table', { class: 'table', 'data-testid': testid },
    h('thead', h('tr', columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', rows.map((r) => h('tr', rowAttrs?.(r) ?? {}, columns.map((c) => h('td', c.cell(r))))))));
}

export function stat(label, value, extra, testid) {
  return h('div', { class: 'card stat', 'data-testid': testid }, h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value ?? DASH), extra ?? null);
}

/** Number from a maybe-missing field, or null. */
export function num(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function ms(v) {
  return num(v) === null ? DASH : `${Math.round(v)} ms`;
}

/** progress may be 0–1 or 0–100. */
export function fraction(p) {
  const v = num(p);
  if (v === null) return null;
  return Math.max(0, Math.min(1, v > 1 ? v / 100 : v));
}

export const RUNNING = new Set(['queued', 'pending', 'running', 'started', 'in_progress']);

export function stateBadge(state) {
  return h('span', { class: `badge state-${String(state ?? '').toLowerCase()}`, 'data-testid': 'job-state' }, show(state));
}

export function details(v) {
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'string') return v;
  return h('code', { class: 'small' }, JSON.stringify(v));
}
