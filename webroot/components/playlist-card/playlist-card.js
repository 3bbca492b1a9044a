// <ts-playlist-card>: a WS `playlist` payload — per-track reasons, previews, feedback
// buttons (via ts-track-card) and authenticated export downloads.
import * as api from '../../api.js';
import { h, useStyles, show, formatDuration, fill } from '../../lib/dom.js';
import { showError, toast } from '../../lib/ui.js';
import '../track-card/track-card.js';

useStyles(import.meta.url);

const FORMATS = ['m3u', 'xspf', 'jspf'];

// The server states what it checked on the final list (`facts`, plain words) and what it could not
// do (`notes`); older playlists carry a key/value map, shown as before.
function constraintChips(constraints) {
  if (!constraints || typeof constraints !== 'object') return null;
  if (Array.isArray(constraints.facts) || Array.isArray(constraints.notes)) {
    const facts = (constraints.facts ?? []).filter((f) => typeof f === 'string' && f);
    const notes = (constraints.notes ?? []).filter((n) => typeof n === 'string' && n);
    if (!facts.length && !notes.length) return null;
    return h('div', { class: 'constraints' },
      facts.length ? h('div', { class: 'row', 'aria-label': 'Checked on this list' }, facts.map((f) => h('span', { class: 'chip', title: 'checked on the final list' }, `✓ ${f}`))) : null,
      notes.map((n) => h('p', { class: 'muted small note' }, n)));
  }
  const entries = Object.entries(constraints).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return h('div', { class: 'row constraints', 'aria-label': 'Constraints' }, entries.map(([k, v]) => {
    const value = Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? Object.entries(v).map(([a, b]) => `${a} ${show(b)}`).join(', ') : show(v);
    return h('span', { class: 'chip' }, `${k}: ${value}`);
  }));
}

const FOCUSABLE = 'button, a[href], input, select, textarea, audio, [tabindex]:not(li)';

// One tab stop for the whole track list (roving tabindex): Tab enters the list at the current
// track, ↑/↓ (Home/End) move between tracks, and only the current track's buttons are tabbable.
function rove(list) {
  const items = () => Array.from(list.children);
  const activate = (li, focus) => {
    for (const other of items()) {
      const on = other === li;
      other.tabIndex = on ? 0 : -1;
      for (const el of other.querySelectorAll(FOCUSABLE)) el.tabIndex = on ? 0 : -1;
    }
    if (focus) li.focus();
  };
  list.addEventListener('focusin', (e) => {
    const li = e.target.closest('li');
    if (li && li.parentElement === list && li.tabIndex !== 0) activate(li, false);
  });
  list.addEventListener('keydown', (e) => {
    const all = items();
    const li = e.target.closest('li');
    const i = all.indexOf(li);
    if (i < 0) return;
    const to = e.key === 'ArrowDown' ? all[i + 1] : e.key === 'ArrowUp' ? all[i - 1] : e.key === 'Home' ? all[0] : e.key === 'End' ? all[all.length - 1] : null;
    if (to) {
      e.preventDefault();
      activate(to, true);
    }
  });
  queueMicrotask(() => { if (items().length) activate(items()[0], false); });
}

// One-click refinements of the conversation's newest playlist: each says what a listener would type, so the
// chat answers it as it answers the typed words (and the log shows what was asked).
const REFINEMENTS = [
  ['Calmer', 'calmer please'],
  ['More energy', 'more energetic'],
  ['Happier', 'a bit happier'],
  ['Mix it up', 'mix it up'],
  ['Build up', 'slowly build up the energy'],
  ['Undo', 'undo'],
];

class PlaylistCard extends HTMLElement {
  set playlist(p) {
    this._playlist = p;
    this.render();
  }

  /** Whether the card offers the refinement buttons (the chat sets it on its newest playlist only). */
  set refinable(on) {
    this._refinable = Boolean(on);
    if (this._playlist) this.render();
  }

  get refinable() {
    return Boolean(this._refinable);
  }

  get playlist() {
    return this._playlist;
  }

  render() {
    const p = this._playlist ?? {};
    const items = Array.isArray(p.items) ? p.items : [];
    this.classList.add('playlist-card', 'card');
    this.setAttribute('data-testid', 'playlist-card');
    this.dataset.playlistId = p.id ?? '';
    const total = items.reduce((s, it) => s + (typeof it?.track?.durationSec === 'number' ? it.track.durationSec : 0), 0);
    const exports = p.id !== undefined && p.id !== null
      ? h('div', { class: 'row exports', role: 'group', 'aria-label': 'Export playlist' },
        h('span', { class: 'muted small' }, 'Export:'),
        FORMATS.map((f) => h('a', {
          class: 'btn btn-small', href: `/api/playlists/${encodeURIComponent(p.id)}/export?format=${f}`, 'data-testid': `export-${f}`,
          onclick: (e) => { e.preventDefault(); this.exportAs(f); },
        }, f.toUpperCase())))
      : null;
    const refine = this._refinable && items.length
      ? h('div', { class: 'row refine', role: 'group', 'aria-label': 'Refine this playlist', 'data-testid': 'refine-buttons' },
        h('span', { class: 'muted small' }, 'Refine:'),
        REFINEMENTS.map(([label, text]) => h('button', {
          type: 'button', class: 'btn btn-small', 'data-testid': `refine-${label.toLowerCase().replace(/\s+/g, '-')}`, title: `Say “${text}”`,
          onclick: () => this.dispatchEvent(new CustomEvent('chat-say', { bubbles: true, composed: true, detail: { text } })),
        }, label)))
      : null;
    const playable = items.map((it) => it?.track).filter((t) => t && (t.source === 'library' || t.streamPath || t.url));
    const playAll = playable.length
      ? h('button', { class: 'btn btn-small', 'data-testid': 'play-all', onclick: () => this.dispatchEvent(new CustomEvent('play-request', {
        bubbles: true, detail: { tracks: playable, index: 0, fromPlaylist: true } })) }, `▶ Play all (${playable.length})`)
      : null;
    if (!this._queueHook) {
      this._queueHook = true;
      // a track's ▶ inside the playlist plays the playlist as a queue from that track
      this.addEventListener('play-request', (e) => {
        if (e.detail?.fromPlaylist) return;
        const one = e.detail?.tracks?.[0];
        const list = (this._playlist?.items ?? []).map((it) => it?.track).filter((t) => t && (t.source === 'library' || t.streamPath || t.url));
        const at = list.findIndex((t) => t.id === one?.id);
        if (at < 0 || list.length < 2) return;
        e.stopPropagation();
        this.dispatchEvent(new CustomEvent('play-request', { bubbles: true, detail: { tracks: list, index: at, fromPlaylist: true } }));
      });
    }
    fill(this, 
      h('header', { class: 'row between' },
        h('div', h('div', { class: 'eyebrow' }, '♫ Playlist'), h('h3', { class: 'playlist-title' }, show(p.title ?? 'Playlist'))),
        h('span', { class: 'muted small' }, `${items.length} track${items.length === 1 ? '' : 's'}${total ? ` · ${formatDuration(total)}` : ''}`)),
      constraintChips(p.constraints),
      playAll,
      this.list = h('ol', { class: 'playlist-items', 'aria-label': 'Tracks (use the arrow keys to move between them)' }, items.map((it, i) => {
        const card = document.createElement('ts-track-card');
        card.setAttribute('compact', '');
        card.track = it?.track ?? {};
        card.reasons = it?.reasons ?? [];
        return h('li', { tabindex: i === 0 ? '0' : '-1', 'aria-label': `${i + 1}. ${it?.track?.title ?? 'track'} by ${it?.track?.artist ?? 'unknown artist'}` }, card);
      })),
      refine,
      exports,
    );
    rove(this.list);
  }

  async exportAs(format) {
    const p = this._playlist ?? {};
    const base = String(p.title ?? 'playlist').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'playlist';
    try {
      const name = await api.download(`/api/playlists/${encodeURIComponent(p.id)}/export`, { format }, `${base}.${format}`);
      toast(`Downloaded ${name}`, 'ok', 2500);
    } catch (e) {
      showError(e, 'Export failed: ');
    }
  }
}

customElements.define('ts-playlist-card', PlaylistCard);
