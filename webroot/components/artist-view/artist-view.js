// #/artist?name=: an artist's albums, common tags and tracks (GET /api/artists?name=).
import * as api from '../../api.js';
import { h, useStyles, fill } from '../../lib/dom.js';
import { albumHref } from '../../lib/links.js';
import { joinWords } from '../../lib/profile-text.js';
import { trackGrid, loadingInto, errorBox, pageHead } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

class ArtistView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('artist-view');
    this.route(this.routeParams ?? {});
  }

  async route({ query } = {}) {
    const name = query?.get?.('name') ?? '';
    const status = h('p', { class: 'muted small', role: 'status' });
    fill(this, status);
    if (!name) {
      fill(this, pageHead('Artist'), errorBox('no artist named in the address', ''));
      return;
    }
    loadingInto(status);
    try {
      const a = await api.get('/api/artists', { name });
      document.title = `${a.name} · Tunesmith`;
      const tags = (a.topTags ?? []).slice(0, 4).map((t) => t.name);
      const albums = a.albums ?? [];
      const sub = `${a.trackCount} ${a.trackCount === 1 ? 'track' : 'tracks'} in the catalogue`
        + (albums.length ? ` on ${albums.length} ${albums.length === 1 ? 'album' : 'albums'}` : '')
        + (tags.length ? `, mostly ${joinWords(tags)}` : '') + '.';
      fill(this,
        pageHead(a.name, sub),
        albums.length ? h('section', { 'aria-labelledby': 'albums-h' }, h('h2', { id: 'albums-h' }, 'Albums'),
          h('ul', { class: 'album-list', 'data-testid': 'artist-albums' }, albums.map((al) => h('li',
            h('a', { href: albumHref(a.name, al.name) }, h('strong', al.name), h('br'),
              h('span', { class: 'muted small' }, [al.year, `${al.tracks} ${al.tracks === 1 ? 'track' : 'tracks'}`].filter(Boolean).join(' · '))))))) : null,
        h('section', { class: 'page-section', 'aria-labelledby': 'tracks-h' }, h('h2', { id: 'tracks-h' }, 'Tracks'),
          trackGrid(a.tracks ?? [], { compact: true, testid: 'artist-tracks' })));
    } catch (e) {
      fill(this, pageHead(name), errorBox(e, e.status === 404 ? 'No tracks by this artist in the catalogue. ' : 'Could not load the artist: '));
    }
  }
}

customElements.define('ts-artist-view', ArtistView);
