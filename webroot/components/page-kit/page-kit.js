// Shared building blocks of the listener pages (For you, Liked, track, artist, album, privacy):
// a page heading, status lines, and a grid of track cards.
import { h, useStyles, fill } from '../../lib/dom.js';
import '../track-card/track-card.js';

useStyles(import.meta.url);

/** A grid of <ts-track-card>s; items are Tracks or {track, reasons}. */
export function trackGrid(items, { compact = false, testid = 'track-grid' } = {}) {
  const grid = h('div', { class: 'track-grid', 'data-testid': testid });
  for (const item of items) {
    const track = item?.track ?? item;
    if (!track || typeof track !== 'object') continue;
    const card = document.createElement('ts-track-card');
    if (compact) card.setAttribute('compact', '');
    card.track = track;
    if (Array.isArray(item?.reasons)) card.reasons = item.reasons;
    grid.append(card);
  }
  return grid;
}

/** "Loading…" with a spinner into a status element. */
export function loadingInto(el, text = 'Loading…') {
  fill(el, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` ${text}`);
}

/** An error paragraph with role=alert. */
export function errorBox(err, prefix = 'Could not load this page: ') {
  return h('p', { class: 'form-error', role: 'alert', 'data-testid': 'page-error' }, `${prefix}${err?.message ?? err}`);
}

/** A page heading: h1 plus an optional line below. */
export function pageHead(title, sub, ...extra) {
  return h('header', { class: 'page-head' }, h('div', { class: 'grow' }, h('h1', title), sub ? h('p', { class: 'muted page-sub' }, sub) : null), ...extra);
}

export function formatTotal(sec) {
  if (typeof sec !== 'number' || sec <= 0) return null;
  const m = Math.round(sec / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}
