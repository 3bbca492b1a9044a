// #/foryou: GET /api/me/recommendations with the reasons for each track, the profile in words,
// and a fresh list a moment after you like, skip or play something.
import * as api from '../../api.js';
import { h, useStyles, fill } from '../../lib/dom.js';
import { describeProfile } from '../../lib/profile-text.js';
import { trackGrid, loadingInto, errorBox, pageHead } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

const REFRESH_AFTER_MS = 2500;

class ForYouView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('for-you-view');
    this.about = h('div', { class: 'sentences card', 'data-testid': 'foryou-profile' });
    this.status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', 'data-testid': 'foryou-status' });
    this.list = h('div', { 'data-testid': 'foryou-list' });
    this.mood = h('input', { type: 'search', placeholder: 'Optional mood, e.g. calm piano for reading', 'aria-label': 'Mood for the recommendations', class: 'grow', 'data-testid': 'foryou-mood' });
    const form = h('form', { class: 'row', role: 'search', onsubmit: (e) => { e.preventDefault(); this.load(); } },
      this.mood, h('button', { class: 'btn', type: 'submit', 'data-testid': 'foryou-refresh' }, 'Refresh'));
    fill(this, pageHead('For you', 'Picked for you from what you play, like and skip. Each card says why it was chosen.'),
      this.about, h('section', { class: 'page-section stack', 'aria-label': 'Recommendations' }, form, this.status, this.list));
    this.onStale = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load({ reason: 'after your last action' }), REFRESH_AFTER_MS);
    };
    document.addEventListener('profile-stale', this.onStale);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener('profile-stale', this.onStale);
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  async load({ reason } = {}) {
    this.abort?.abort();
    this.abort = new AbortController();
    const signal = this.abort.signal;
    loadingInto(this.status, reason ? 'Updating your recommendations…' : 'Finding music for you…');
    try {
      const [me, recs] = await Promise.all([
        api.get('/api/me', undefined, { signal }),
        api.get('/api/me/recommendations', { k: 20, mood: this.mood.value.trim() }, { signal }),
      ]);
      const sentences = describeProfile(me?.profile);
      fill(this.about, sentences.length ? sentences.map((s) => h('p', s))
        : h('p', 'Tunesmith does not know your taste yet: like, favourite or play a few tracks and this list adapts.'));
      const items = Array.isArray(recs?.items) ? recs.items : [];
      fill(this.list, items.length ? trackGrid(items) : h('p', { class: 'empty' }, 'No recommendations yet.'));
      const when = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
      this.status.textContent = `${items.length} tracks, updated ${reason ? `${reason} ` : ''}at ${when}.`;
      this.dataset.loadedAt = String(Date.now());
    } catch (e) {
      if (e.name === 'AbortError') return;
      this.status.textContent = '';
      fill(this.list, errorBox(e, e.code === 'recommender_starting' ? '' : 'Could not load recommendations: '));
      if (e.code === 'recommender_starting') setTimeout(() => this.isConnected && this.load(), 3000);
    }
  }
}

customElements.define('ts-for-you-view', ForYouView);
