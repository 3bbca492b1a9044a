// #/liked: the tracks you like and your favourites (GET /api/me/likes), newest first.
import * as api from '../../api.js';
import { h, useStyles, fill } from '../../lib/dom.js';
import * as likes from '../../lib/likes.js';
import { trackGrid, loadingInto, errorBox, pageHead } from '../page-kit/page-kit.js';

useStyles(import.meta.url);

class LikedView extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.classList.add('liked-view');
    this.tab = 'liked';
    this.tabs = h('div', { class: 'tabs-row', role: 'group', 'aria-label': 'Show' });
    this.status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite', 'data-testid': 'liked-status' });
    this.list = h('div', { 'data-testid': 'liked-list' });
    fill(this, pageHead('Liked songs', 'Everything you liked (♥) or marked as a favourite (★). Unlike a track and it leaves this list.'),
      this.tabs, this.status, this.list);
    this.route(this.routeParams ?? {});
  }

  route({ query } = {}) {
    this.tab = query?.get?.('tab') === 'favorites' ? 'favorites' : 'liked';
    this.load();
  }

  renderTabs(res) {
    const liked = res?.likedIds?.length ?? 0;
    const favs = res?.favoriteIds?.length ?? 0;
    const tab = (id, label) => h('a', { class: 'chip', href: id === 'liked' ? '#/liked' : '#/liked?tab=favorites', 'aria-current': this.tab === id ? 'page' : null, 'data-testid': `liked-tab-${id}` }, label);
    fill(this.tabs, tab('liked', `Liked songs (${liked})`), tab('favorites', `Favourites (${favs})`));
  }

  async load() {
    loadingInto(this.status);
    try {
      const res = await api.get('/api/me/likes');
      await likes.load({ force: true });
      this.renderTabs(res);
      const items = (res?.items ?? []).filter((x) => (this.tab === 'liked' ? x.liked : x.favorite));
      this.status.textContent = items.length ? `${items.length} ${this.tab === 'liked' ? 'liked' : 'favourite'} tracks, newest first.` : '';
      fill(this.list, items.length ? trackGrid(items.map((x) => x.track), { testid: 'liked-grid' })
        : h('p', { class: 'empty', 'data-testid': 'liked-empty' }, this.tab === 'liked'
          ? 'No liked songs yet. Press ♥ Like on any track and it appears here.'
          : 'No favourites yet. Press ★ Favourite on any track and it appears here.'));
    } catch (e) {
      this.status.textContent = '';
      fill(this.list, errorBox(e));
    }
  }
}

customElements.define('ts-liked-view', LikedView);
