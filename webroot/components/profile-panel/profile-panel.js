// <ts-profile-panel>: GET /api/me rendered defensively (any profile fields may be missing).
import * as api from '../../api.js';
import { h, svg, useStyles, show, DASH, fill } from '../../lib/dom.js';
import { describeProfile } from '../../lib/profile-text.js';

useStyles(import.meta.url);

const pick = (obj, ...keys) => keys.map((k) => obj?.[k]).find((v) => v !== undefined && v !== null);

function humanize(key) {
  return String(key).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** ["rock", {tag:"pop",count:3}, {name:"x",weight:.4}] -> [{label, value}] */
function namedList(list) {
  if (!Array.isArray(list)) {
    if (list && typeof list === 'object') return Object.entries(list).map(([label, value]) => ({ label, value }));
    return [];
  }
  return list.map((x) => {
    if (x === null || typeof x !== 'object') return { label: String(x) };
    const label = pick(x, 'name', 'tag', 'artist', 'label', 'title', 'id');
    const value = pick(x, 'count', 'weight', 'score', 'plays', 'value');
    return { label: label === undefined ? JSON.stringify(x) : String(label), value };
  });
}

/** unit(value) labels a number ("4 plays"); returning null hides it. */
function listBlock(title, list, testid, unit = (v) => show(v)) {
  const items = namedList(list).slice(0, 8).map((x) => ({ ...x, value: x.value === undefined ? undefined : unit(x.value) ?? undefined }));
  return h('section', { class: 'profile-block', 'data-testid': testid },
    h('h3', title),
    items.length
      ? h('ol', { class: 'rank' }, items.map((x) => h('li', h('span', x.label), x.value !== undefined ? h('span', { class: 'muted small' }, x.value) : null)))
      : h('p', { class: 'muted small' }, DASH));
}

function moodBlock(mood) {
  const valence = typeof mood?.valence === 'number' ? mood.valence : null;
  const energy = typeof mood?.energy === 'number' ? mood.energy : null;
  const size = 120;
  const plot = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: 'mood-plot', role: 'img', 'aria-label': valence !== null && energy !== null ? `Mood centre: valence ${valence.toFixed(2)}, energy ${energy.toFixed(2)}` : 'Mood centre unknown' },
    svg('rect', { x: 0.5, y: 0.5, width: size - 1, height: size - 1, rx: 8, class: 'mood-bg' }),
    svg('line', { x1: size / 2, y1: 4, x2: size / 2, y2: size - 4, class: 'mood-axis' }),
    svg('line', { x1: 4, y1: size / 2, x2: size - 4, y2: size / 2, class: 'mood-axis' }),
    svg('text', { x: size - 6, y: size / 2 - 4, 'text-anchor': 'end', class: 'mood-label' }, 'valence →'),
    svg('text', { x: size / 2 + 4, y: 12, class: 'mood-label' }, '↑ energy'),
    valence !== null && energy !== null ? svg('circle', { cx: 8 + valence * (size - 16), cy: size - 8 - energy * (size - 16), r: 6, class: 'mood-dot' }) : null);
  const extra = mood && typeof mood === 'object' ? Object.entries(mood).filter(([, v]) => typeof v === 'number') : [];
  return h('section', { class: 'profile-block', 'data-testid': 'profile-mood' },
    h('h3', 'Mood centre'),
    h('div', { class: 'row' }, plot,
      h('dl', { class: 'kv small' }, extra.length ? extra.map(([k, v]) => [h('dt', humanize(k)), h('dd', show(v))]) : [h('dt', 'Mood'), h('dd', DASH)])));
}

function countsBlock(counts) {
  const entries = counts && typeof counts === 'object' ? Object.entries(counts) : [];
  return h('section', { class: 'profile-block', 'data-testid': 'profile-counts' },
    h('h3', 'Activity'),
    entries.length
      ? h('div', { class: 'counts' }, entries.map(([k, v]) => h('div', { class: 'count' }, h('strong', show(v)), h('span', { class: 'muted small' }, humanize(k)))))
      : h('p', { class: 'muted small' }, DASH));
}

class ProfilePanel extends HTMLElement {
  connectedCallback() {
    this.classList.add('profile-panel', 'card');
    this.setAttribute('data-testid', 'profile-panel');
    this.onStale = () => {
      clearTimeout(this.staleTimer);
      this.staleTimer = setTimeout(() => this.load(), 1500);
    };
    document.addEventListener('profile-stale', this.onStale);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener('profile-stale', this.onStale);
    clearTimeout(this.staleTimer);
  }

  async load() {
    if (!this.me) fill(this, h('p', { class: 'muted' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Loading profile…'));
    try {
      this.me = await api.get('/api/me');
      this.render();
    } catch (e) {
      fill(this, h('h2', 'Your profile'), h('p', { class: 'form-error', role: 'alert' }, e.message));
    }
  }

  render() {
    const me = this.me ?? {};
    const p = me.profile && typeof me.profile === 'object' ? me.profile : {};
    const known = new Set(['topTags', 'tags', 'topArtists', 'artists', 'moodCentre', 'moodCenter', 'mood', 'counts']);
    const counts = pick(p, 'counts') ?? Object.fromEntries(Object.entries(p).filter(([k, v]) => typeof v === 'number' && !known.has(k)));
    const roles = Array.isArray(me.roles) ? me.roles : [];
    fill(this, 
      h('div', { class: 'row between' }, h('h2', me.username ?? 'Your profile'), h('div', { class: 'row' }, roles.map((r) => h('span', { class: 'badge' }, r)))),
      h('div', { class: 'profile-sentences', 'data-testid': 'profile-sentence' },
        (describeProfile(p).length ? describeProfile(p) : ['Play, like or skip a few tracks and Tunesmith will describe your taste here.']).map((line) => h('p', line))),
      countsBlock(counts),
      listBlock('Top tags', pick(p, 'topTags', 'tags'), 'profile-tags', () => null),
      listBlock('Top artists', pick(p, 'topArtists', 'artists'), 'profile-artists', (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? `${v} ${v === 1 ? 'play' : 'plays'}` : null)),
      moodBlock(pick(p, 'moodCentre', 'moodCenter', 'mood')),
    );
  }
}

customElements.define('ts-profile-panel', ProfilePanel);
