// #/album?artist=&name=: one album's tracks in order (GET /api/albums).
import * as api from '../../api.js';
import { h, useStyles, fill, formatDuration } from '../../lib/dom.js';
import { artistHref, trackHref } from '../../lib/links.js';
import { loadingInto, errorBox, pageHead, formatTotal, trackGrid } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

class AlbumView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('album-view');
    this.route(this.routeParams ?? {});
  }

  async route({ query } = {}) {
    const artist = query?.get?.('artist') ?? '';
    const name = query?.get?.('name') ?? '';
    const status = h('p', { class: 'muted small', role: 'status' });
    fill(this, status);
    if (!artist || !name) {
      fill(this, pageHead('Album'), errorBox('the address must name an artist and an album', ''));
      return;
    }
    loadingInto(status);
    try {
      const al = await api.get('/api/albums', { artist, name });
      document.title = `${al.name} · Tunesmith`;
      const tracks = al.tracks ?? [];
      const sub = h('span', 'by ', h('a', { href: artistHref(al.artist), 'data-testid': 'album-artist-link' }, al.artist),
        ' · ', [al.year, al.genre, `${tracks.length} ${tracks.length === 1 ? 'track' : 'tracks'}`, formatTotal(al.durationSec)].filter(Boolean).join(' · '));
      fill(this,
        pageHead(al.name, null),
        h('p', { class: 'muted page-sub' }, sub),
        h('div', { class: 'table-wrap page-section', tabindex: '0', role: 'region', 'aria-label': 'Track list' }, h('table', { class: 'tracklist', 'data-testid': 'album-tracks' },
          h('caption', { class: 'visually-hidden' }, `Tracks of ${al.name}`),
          h('thead', h('tr', h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Length'))),
          h('tbody', tracks.map((t, i) => h('tr', h('td', String(i + 1)), h('td', h('a', { href: trackHref(t) }, t.title)), h('td', formatDuration(t.durationSec))))))),
        h('section', { class: 'page-section', 'aria-labelledby': 'album-cards-h' }, h('h2', { id: 'album-cards-h' }, 'Play, like or skip'),
          trackGrid(tracks, { compact: true, testid: 'album-cards' })));
    } catch (e) {
      fill(this, pageHead(name), errorBox(e, e.status === 404 ? 'This album is not in the catalogue. ' : 'Could not load the album: '));
    }
  }
}

customElements.define('ts-album-view', AlbumView);
