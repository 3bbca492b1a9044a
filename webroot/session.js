// The signed-in session: token + user in localStorage (shared by every tab of the app), cleared when
// expiresAt passes. A login or logout in one tab reaches the others through the `storage` event.
import { toDate } from './lib/dom.js';

const KEY = 'tunesmith.session';
const events = new EventTarget();
let expiryTimer = null;

/** localStorage when the browser has it (all tabs share it), else sessionStorage. */
function store() {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    // storage disabled: fall back
  }
  return globalThis.sessionStorage;
}

function read() {
  try {
    return JSON.parse(store().getItem(KEY)) ?? null;
  } catch {
    return null;
  }
}

function expiryMs(s) {
  const d = toDate(s?.expiresAt);
  return d ? d.getTime() : null;
}

function schedule(s) {
  clearTimeout(expiryTimer);
  const at = expiryMs(s);
  if (at === null) return;
  // setTimeout overflows past ~24.8 days; re-check daily in that case.
  const delay = Math.min(Math.max(at - Date.now(), 0), 86_400_000);
  expiryTimer = setTimeout(() => (isValid() ? schedule(read()) : clear('expired')), delay);
}

/** The stored session or null when absent/expired. */
export function current() {
  const s = read();
  if (!s?.token) return null;
  const at = expiryMs(s);
  if (at !== null && at <= Date.now()) return null;
  return s;
}

export function isValid() {
  return current() !== null;
}

export function token() {
  return current()?.token ?? null;
}

export function user() {
  return current()?.user ?? null;
}

export function roles() {
  const r = user()?.roles;
  return Array.isArray(r) ? r : [];
}

export function hasRole(role) {
  return roles().includes(role);
}

/** Stores the body of POST /api/auth/login. */
export function save({ token: t, expiresAt, user: u }) {
  const s = { token: t, expiresAt: expiresAt ?? null, user: u ?? null };
  store().setItem(KEY, JSON.stringify(s));
  schedule(s);
  events.dispatchEvent(new CustomEvent('change', { detail: { reason: 'login', session: s } }));
}

/** Merges fresh user fields (e.g. from GET /api/me) into the stored session. */
export function updateUser(fields) {
  const s = current();
  if (!s) return;
  s.user = { ...(s.user ?? {}), ...fields };
  store().setItem(KEY, JSON.stringify(s));
  events.dispatchEvent(new CustomEvent('change', { detail: { reason: 'user', session: s } }));
}

export function clear(reason = 'logout') {
  clearTimeout(expiryTimer);
  const had = store().getItem(KEY) !== null;
  store().removeItem(KEY);
  if (had) events.dispatchEvent(new CustomEvent('change', { detail: { reason, session: null } }));
}

/** Subscribes to login/logout/expiry; returns an unsubscribe function. */
export function onChange(fn) {
  events.addEventListener('change', fn);
  return () => events.removeEventListener('change', fn);
}

// Another tab logged in, out, or refreshed the user: follow it.
if (typeof globalThis.addEventListener === 'function') {
  globalThis.addEventListener('storage', (e) => {
    if (e.key !== KEY && e.key !== null) return;
    const s = current();
    schedule(s);
    const reason = !s ? 'other-tab-logout' : e.oldValue ? 'user' : 'other-tab-login';
    events.dispatchEvent(new CustomEvent('change', { detail: { reason, session: s } }));
  });
}

schedule(read());
