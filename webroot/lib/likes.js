// The caller's likes and favourites (GET /api/me/likes), shared by every track card so hearts stay
// filled after a reload. Updated optimistically from the `track-event`s the cards bubble.
import * as api from '../api.js';
import * as session from '../session.js';

const liked = new Set();
const favorites = new Set();
const events = new EventTarget();
let loading = null;
let loadedFor = null;

function changed() {
  events.dispatchEvent(new Event('change'));
}

/** Loads once per signed-in user; resolves when the sets are filled (or on failure, empty). */
export function load({ force = false } = {}) {
  const who = session.user()?.id ?? session.user()?.username ?? null;
  if (!session.isValid()) return Promise.resolve();
  if (!force && loading && loadedFor === who) return loading;
  loadedFor = who;
  loading = api.get('/api/me/likes').then((res) => {
    liked.clear();
    favorites.clear();
    for (const id of res?.likedIds ?? []) liked.add(Number(id));
    for (const id of res?.favoriteIds ?? []) favorites.add(Number(id));
    changed();
    return res;
  }).catch(() => {
    loading = null;
  });
  return loading;
}

export const isLiked = (id) => liked.has(Number(id));
export const isFavorite = (id) => favorites.has(Number(id));

/** Subscribes to changes; returns an unsubscribe function. */
export function onChange(fn) {
  events.addEventListener('change', fn);
  return () => events.removeEventListener('change', fn);
}

/** Applies an event type to the local state (like/unlike/favorite/unfavorite). */
export function apply(trackId, type) {
  const id = Number(trackId);
  if (type === 'like') liked.add(id);
  else if (type === 'unlike') liked.delete(id);
  else if (type === 'favorite') favorites.add(id);
  else if (type === 'unfavorite') favorites.delete(id);
  else return;
  changed();
}

if (typeof document !== 'undefined') {
  document.addEventListener('track-event', (e) => apply(e.detail?.trackId, e.detail?.type));
  session.onChange((e) => {
    const who = e.detail.session?.user?.id ?? e.detail.session?.user?.username ?? null;
    if (e.detail.session && who === loadedFor) return; // same user (e.g. refreshed roles): keep the state
    liked.clear();
    favorites.clear();
    loading = null;
    loadedFor = null;
    if (e.detail.session) load();
    changed();
  });
}
