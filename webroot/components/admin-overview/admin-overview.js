// Admin overview: GET /api/admin/overview, then live via SSE /api/admin/stream?token=<jwt>
// (EventSource cannot send headers). Falls back to polling when the stream fails.
import * as api from '../../api.js';
import * as session from '../../session.js';
import { h, useStyles, show, DASH, fill } from '../../lib/dom.js';
import { stat, num, ms, table } from '../../lib/admin.js';
import '../sparkline/sparkline.js';

useStyles(import.meta.url);

const HISTORY = 120;
const SERIES = ['users', 'activeSockets', 'eventsPerMin', 'turnsPerMin', 'events', 'tracks'];
const HISTORY_KEY = 'tunesmith.admin.overview-history';
const MAX_AGE_MS = 3_600_000;

/** The sparkline history survives leaving the tab and reloading: kept (an hour at most) in localStorage. */
function restoreHistory() {
  const empty = Object.fromEntries(SERIES.map((k) => [k, []]));
  try {
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? 'null');
    if (!saved || Date.now() - saved.savedAt > MAX_AGE_MS) return empty;
    for (const k of SERIES) if (Array.isArray(saved.series?.[k])) empty[k] = saved.series[k].filter((x) => typeof x === 'number').slice(-HISTORY);
  } catch {
    // unreadable: start afresh
  }
  return empty;
}

class AdminOverview extends HTMLElement {
  connectedCallback() {
    this.history = restoreHistory();
    this.live = h('span', { class: 'badge', 'data-testid': 'overview-live' }, 'connecting…');
    this.body = h('div', { class: 'stack' });
    fill(this, h('div', { class: 'row between' }, h('h2', 'Overview'), this.live), this.body);
    this.load();
    this.openStream();
  }

  disconnectedCallback() {
    this.es?.close();
    this.es = null;
    clearInterval(this.poll);
  }

  async load() {
    try {
      this.update(await api.get('/api/admin/overview'));
    } catch (e) {
      if (!this.data) fill(this.body, h('p', { class: 'form-error', role: 'alert' }, `Could not load the overview: ${e.message}`));
    }
  }

  openStream() {
    if (typeof EventSource !== 'function') return this.startPolling();
    const es = new EventSource(`/api/admin/stream?token=${encodeURIComponent(session.token() ?? '')}`);
    this.es = es;
    es.addEventListener('open', () => this.setLive('live', 'badge-ok'));
    es.addEventListener('message', (e) => {
      try {
        this.update(JSON.parse(e.data));
        this.setLive('live', 'badge-ok');
      } catch {
        // ignore malformed frames
      }
    });
    es.addEventListener('error', () => {
      if (es.readyState === EventSource.CLOSED) {
        this.es = null;
        this.startPolling();
      } else {
        this.setLive('reconnecting…', 'badge-warn');
      }
    });
  }

  startPolling() {
    this.setLive('polling every 5 s', 'badge-warn');
    clearInterval(this.poll);
    this.poll = setInterval(() => this.load(), 5000);
  }

  setLive(text, cls) {
    this.live.textContent = text;
    this.live.className = `badge ${cls}`;
  }

  update(d) {
    if (!d || typeof d !== 'object') return;
    this.data = d;
    const point = { users: num(d.users), activeSockets: num(d.activeSockets), eventsPerMin: num(d.eventsPerMin), turnsPerMin: num(d.turnsPerMin), events: num(d.events), tracks: num(d.tracks) };
    for (const k of SERIES) {
      if (point[k] === null) continue;
      this.history[k].push(point[k]);
      if (this.history[k].length > HISTORY) this.history[k].shift();
    }
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify({ savedAt: Date.now(), series: this.history }));
    } catch {
      // storage full or disabled: the history lasts this visit only
    }
    this.render();
  }

  spark(key, label) {
    const s = document.createElement('ts-sparkline');
    s.setAttribute('label', label);
    s.values = this.history[key];
    return s;
  }

  render() {
    const d = this.data ?? {};
    const db = d.db ?? {};
    const agent = d.agent ?? {};
    const tools = d.tools && typeof d.tools === 'object' ? Object.entries(d.tools) : [];
    const dbStatus = show(db.status);
    const generator = typeof d.generator === 'object' && d.generator ? (d.generator.mode ?? d.generator.device ?? JSON.stringify(d.generator)) : d.generator;
    fill(this.body,
      h('div', { class: 'stat-grid' },
        stat('Users', show(d.users), this.spark('users', 'Users'), 'stat-users'),
        stat('Active sockets', show(d.activeSockets), this.spark('activeSockets', 'Active sockets'), 'stat-sockets'),
        stat('Events / min', show(d.eventsPerMin), this.spark('eventsPerMin', 'Events per minute'), 'stat-events'),
        stat('Chat turns / min', show(d.turnsPerMin), this.spark('turnsPerMin', 'Chat turns per minute'), 'stat-turns')),
      h('div', { class: 'stat-grid' },
        stat('Agent', show(agent.mode), h('span', { class: 'muted small' }, `model: ${show(agent.model)}`), 'stat-agent'),
        stat('Generator', show(generator), null, 'stat-generator'),
        stat('Database', h('span', { class: dbStatus === 'UP' ? 'ok-text' : dbStatus === DASH ? '' : 'bad-text' }, dbStatus),
          h('span', { class: 'muted small' }, `pool ${show(db.poolSize)} of ${show(db.maxPoolSize)} connections`), 'stat-db'),
        stat('Listening events', show(d.events), this.spark('events', 'Listening events stored'), 'stat-events-total'),
        stat('Tracks', show(d.tracks), this.spark('tracks', 'Visible tracks'), 'stat-tracks')),
      h('section', { class: 'card' }, h('h3', 'Tools'),
        table([
          { label: 'Tool', cell: ([name]) => name },
          { label: 'Calls', cell: ([, t]) => show(t?.count) },
          { label: 'Mean (all calls)', cell: ([, t]) => ms(t?.meanMs) },
          { label: 'Slowest (last 2 min)', cell: ([, t]) => ms(t?.maxMs) },
          { label: 'p50 / p95 (last 2 min)', cell: ([, t]) => (num(t?.p95Ms) ? `${ms(t.p50Ms)} / ${ms(t.p95Ms)}` : 'no calls lately') },
        ], tools, { testid: 'tools-table', empty: 'No tool calls yet.' })),
      h('p', { class: 'muted small' }, 'The small charts show the figures this browser has seen over the last hour (kept when you leave the tab or reload).'));
  }
}

customElements.define('ts-admin-overview', AdminOverview);
