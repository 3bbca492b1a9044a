// #/track/{id}: one track with its features explained in words (estimates marked), links to the
// artist and album, and "more like this" (GET /api/tracks/{id}/similar) with reasons.
import * as api from '../../api.js';
import { h, useStyles, fill, formatDuration } from '../../lib/dom.js';
import { describeFeatures } from '../../lib/profile-text.js';
import { artistHref, albumHref } from '../../lib/links.js';
import { estimateBadge } from '../track-card/track-card.js';
import { trackGrid, loadingInto, errorBox, pageHead } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

class TrackView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('track-view');
    this.route(this.routeParams ?? {});
  }

  route({ params } = {}) {
    const id = Number.parseInt(params?.[0] ?? '', 10);
    if (!Number.isFinite(id) || id <= 0) {
      fill(this, pageHead('Track'), errorBox('no track id in the address', ''));
      return;
    }
    this.load(id);
  }

  async load(id) {
    const status = h('p', { class: 'muted small', role: 'status' });
    fill(this, status);
    loadingInto(status);
    let t;
    try {
      t = await api.get(`/api/tracks/${id}`);
    } catch (e) {
      fill(this, pageHead('Track'), errorBox(e, e.status === 404 ? 'This track does not exist or is hidden. ' : 'Could not load the track: '));
      return;
    }
    document.title = `${t.title} · Tunesmith`;
    const card = document.createElement('ts-track-card');
    card.track = t;
    const words = describeFeatures(t);
    const badge = estimateBadge(t);
    const facts = [
      ['Artist', t.artist ? h('a', { href: artistHref(t.artist), 'data-testid': 'track-artist-link' }, t.artist) : '—'],
      ['Album', t.album && t.artist ? h('a', { href: albumHref(t.artist, t.album), 'data-testid': 'track-album-link' }, t.album) : t.album ?? '—'],
      ['Genre', t.genre ?? '—'],
      ['Year', t.year ?? '—'],
      ['Length', formatDuration(t.durationSec)],
      ['Tags', (t.tags ?? []).join(', ') || '—'],
      ['Licence', t.licence ? (String(t.licence).startsWith('http') ? h('a', { href: t.licence, rel: 'noopener noreferrer', target: '_blank' }, t.licence) : t.licence) : '—'],
    ];
    this.similar = h('div', { 'data-testid': 'similar-list' });
    fill(this,
      pageHead(t.title, t.artist ? `by ${t.artist}` : null),
      h('div', { class: 'track-page' },
        h('div', { class: 'stack' }, card),
        h('section', { class: 'card stack', 'aria-labelledby': 'track-sound-h' },
          h('h2', { id: 'track-sound-h' }, 'What it sounds like', badge ? [' ', badge] : null),
          words.sentences.length
            ? h('div', { class: 'sentences', 'data-testid': 'feature-words' }, words.sentences.map((s) => h('p', s)))
            : h('p', { class: 'muted' }, 'Tunesmith has no audio features for this track.'),
          words.estimated
            ? h('p', { class: 'estimate-note small', 'data-testid': 'estimated-note' }, 'These figures are estimates (≈): they come from the average of tracks with the same genre and tags, not from measuring this recording.')
            : words.sentences.length ? h('p', { class: 'muted small', 'data-testid': 'measured-note' }, 'These figures were measured from the recording.') : null,
          h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', k), h('dd', v)])))),
      h('section', { class: 'page-section', 'aria-labelledby': 'similar-h' }, h('h2', { id: 'similar-h' }, 'More like this'), this.similar));
    loadingInto(this.similar);
    try {
      const res = await api.get(`/api/tracks/${id}/similar`, { k: 8 });
      const items = res?.items ?? [];
      fill(this.similar, items.length ? trackGrid(items, { compact: true, testid: 'similar-grid' }) : h('p', { class: 'empty' }, 'Nothing similar found.'));
    } catch (e) {
      fill(this.similar, errorBox(e, 'Could not find similar tracks: '));
    }
  }
}

customElements.define('ts-track-view', TrackView);
