// Tunesmith SPA shell: hash router, navigation, session wiring, track-event forwarding.
import * as api from './api.js';
import * as session from './session.js';
import { h, clear } from './lib/dom.js';
import { toast, showError } from './lib/ui.js';
import { chat } from './components/chat-client/chat-connection.js';
import './components/now-playing/now-playing.js';
import { startUserStream } from './lib/user-stream.js';

/** Routes: hash -> lazily imported custom element. */
const ROUTES = {
  login: { tag: 'ts-login-view', module: './components/login-view/login-view.js', title: 'Log in', public: true },
  catalog: { tag: 'ts-catalog-view', module: './components/catalog-view/catalog-view.js', title: 'Catalog', nav: 'Catalog' },
  chat: { tag: 'ts-chat-view', module: './components/chat-view/chat-view.js', title: 'Chat', nav: 'Chat' },
  create: { tag: 'ts-create-view', module: './components/create-view/create-view.js', title: 'Create', nav: 'Create', roles: ['creator', 'admin'] },
  foryou: { tag: 'ts-for-you-view', module: './components/for-you-view/for-you-view.js', title: 'For you', nav: 'For you' },
  liked: { tag: 'ts-liked-view', module: './components/liked-view/liked-view.js', title: 'Liked songs', nav: 'Liked' },
  track: { tag: 'ts-track-view', module: './components/track-view/track-view.js', title: 'Track' },
  artist: { tag: 'ts-artist-view', module: './components/artist-view/artist-view.js', title: 'Artist' },
  album: { tag: 'ts-album-view', module: './components/album-view/album-view.js', title: 'Album' },
  privacy: { tag: 'ts-privacy-view', module: './components/privacy-view/privacy-view.js', title: 'Your data', nav: 'Your data' },
  admin: { tag: 'ts-admin-view', module: './components/admin-view/admin-view.js', title: 'Admin', nav: 'Admin', roles: ['admin'], strict: true },
};
const DEFAULT_ROUTE = 'catalog';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const headerUser = document.getElementById('header-user');

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [name, ...rest] = path.split('/');
  return { name: name || '', params: rest, query: new URLSearchParams(query) };
}

export function navigate(route) {
  const target = route.startsWith('#') ? route : `#/${route}`;
  if (location.hash === target) render();
  else location.hash = target;
}

function allowed(route) {
  if (!route.roles) return true;
  return route.roles.some((r) => session.hasRole(r));
}

function renderNav(active) {
  clear(nav);
  const signedIn = session.isValid();
  nav.hidden = !signedIn;
  if (signedIn) {
    for (const [name, route] of Object.entries(ROUTES)) {
      if (!route.nav) continue;
      if (route.roles && !allowed(route)) continue;
      nav.append(h('a', { href: `#/${name}`, 'aria-current': name === active ? 'page' : null, 'data-testid': `nav-${name}` }, route.nav));
    }
  }
  clear(headerUser);
  const u = session.user();
  if (signedIn) {
    headerUser.append(
      h('span', { class: 'who', 'data-testid': 'current-user' }, u?.username ?? ''),
      h('button', { class: 'btn btn-small', 'data-testid': 'logout', onclick: logout }, 'Log out'),
    );
  }
}

let currentView = null;
let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  let { name, params, query } = parseHash();
  if (!ROUTES[name]) {
    name = session.isValid() ? DEFAULT_ROUTE : 'login';
    history.replaceState(null, '', `#/${name}`);
  }
  if (!session.isValid() && !ROUTES[name].public) {
    const back = location.hash && !location.hash.startsWith('#/login') ? location.hash : '';
    sessionStorage.setItem('tunesmith.after-login', back);
    if (location.hash !== '#/login') location.replace('#/login');
    name = 'login';
  }
  if (name === 'login' && session.isValid()) {
    location.replace(`#/${DEFAULT_ROUTE}`);
    return;
  }
  const route = ROUTES[name];
  if (route.strict && !allowed(route)) {
    toast('That page is for administrators.', 'error');
    location.replace(`#/${DEFAULT_ROUTE}`);
    return;
  }
  renderNav(name);
  document.title = `${route.title} · Tunesmith`;
  try {
    await import(route.module);
  } catch (e) {
    showError(e, `Could not load ${route.title}: `);
    return;
  }
  if (seq !== renderSeq) return;
  if (currentView?.localName === route.tag && currentView.isConnected) {
    currentView.route?.({ params, query });
    return;
  }
  const view = document.createElement(route.tag);
  view.routeParams = { params, query };
  clear(main).append(view);
  currentView = view;
  main.focus({ preventScroll: true });
}

function logout() {
  session.clear('logout');
}

session.onChange((e) => {
  const reason = e.detail.reason;
  if (!e.detail.session) {
    chat.disconnect();
    if (reason === 'expired') toast('Your session expired. Please log in again.', 'info');
    if (reason === 'unauthorized') toast('Please log in again.', 'info');
    if (reason === 'disabled') toast('Your account has been disabled by an administrator, so you have been signed out.', 'error', 12000);
    if (reason === 'other-tab-logout') toast('You logged out in another tab.', 'info');
    if (reason === 'deleted') toast('Your account and all its data have been deleted.', 'ok', 12000);
    location.hash = '#/login';
    render();
  } else if (reason === 'login' || reason === 'other-tab-login') {
    const back = sessionStorage.getItem('tunesmith.after-login');
    sessionStorage.removeItem('tunesmith.after-login');
    location.hash = back || `#/${DEFAULT_ROUTE}`;
    refreshMe();
  } else {
    renderNav(parseHash().name);
  }
});

// Children bubble `track-event` ({trackId, type, playedSec?, text?}); the shell records them.
document.addEventListener('track-event', async (e) => {
  const { trackId, type, playedSec, text, silent } = e.detail ?? {};
  if (trackId === undefined || trackId === null || !type) return;
  const body = { trackId, type };
  if (typeof playedSec === 'number' && Number.isFinite(playedSec)) body.playedSec = Math.round(playedSec * 10) / 10;
  if (text) body.text = text;
  try {
    await api.post('/api/me/events', body);
    if (!silent) toast(`${labelFor(type)} saved`, 'ok', 2000);
    document.dispatchEvent(new CustomEvent('profile-stale'));
  } catch (err) {
    showError(err, `Could not save ${type}: `);
  }
});

function labelFor(type) {
  return { like: 'Like', unlike: 'Unlike', skip: 'Skip', favorite: 'Favourite', unfavorite: 'Unfavourite', play: 'Play' }[type] ?? type;
}

// Keep roles fresh (an admin may have granted `creator`).
async function refreshMe() {
  if (!session.isValid()) return;
  try {
    const me = await api.get('/api/me');
    if (me && typeof me === 'object') session.updateUser({ id: me.id, username: me.username, roles: me.roles });
  } catch {
    // the views show their own errors
  }
}

window.addEventListener('hashchange', render);

// The one player (a now-playing bar) lives outside the views, so music keeps playing across pages.
document.body.append(document.createElement('ts-now-playing'));
render();
refreshMe();

// Roles granted or removed by an admin show up at once: pushed through GET /api/me/stream (one tab holds
// it, the others follow the shared session); as a fallback /api/me is re-read on focus and once a minute.
startUserStream();
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) refreshMe();
});
setInterval(refreshMe, 60_000);
