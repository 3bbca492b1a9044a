import { test, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowserGlobals } from './fakes.mjs';

installBrowserGlobals();
const session = await import('../session.js');
const api = await import('../api.js');

after(() => session.clear());

const future = () => new Date(Date.now() + 3_600_000).toISOString();

beforeEach(() => {
  session.clear();
  globalThis.fetch = undefined;
});

test('should keep token and user until expiresAt', () => {
  session.save({ token: 't', expiresAt: future(), user: { username: 'ann', roles: ['listener', 'admin'] } });
  assert.equal(session.token(), 't');
  assert.ok(session.hasRole('admin'));
  session.save({ token: 't', expiresAt: new Date(Date.now() - 1000).toISOString(), user: {} });
  assert.equal(session.token(), null);
});

test('should send the bearer token and parse JSON', async () => {
  session.save({ token: 'abc', expiresAt: future(), user: {} });
  let seen;
  globalThis.fetch = async (url, init) => {
    seen = { url, init };
    return new Response(JSON.stringify({ items: [], total: 0 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const res = await api.get('/api/tracks', { q: 'rain', tag: '', limit: 24 });
  assert.deepEqual(res, { items: [], total: 0 });
  assert.equal(seen.url, '/api/tracks?q=rain&limit=24');
  assert.equal(seen.init.headers.Authorization, 'Bearer abc');
});

test('should surface the error envelope as ApiError', async () => {
  globalThis.fetch = async () => new Response(JSON.stringify({ error: { code: 'username_taken', message: 'Taken' } }), { status: 409 });
  await assert.rejects(api.post('/api/auth/register', { username: 'x' }, { auth: false }), (e) => e instanceof api.ApiError && e.code === 'username_taken' && e.message === 'Taken' && e.status === 409);
});

test('should clear the session on 401 so the app returns to login', async () => {
  session.save({ token: 'old', expiresAt: future(), user: {} });
  const reasons = [];
  const off = session.onChange((e) => reasons.push(e.detail.reason));
  globalThis.fetch = async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'no' } }), { status: 401 });
  await assert.rejects(api.get('/api/me'));
  off();
  assert.equal(session.token(), null);
  assert.deepEqual(reasons, ['unauthorized']);
});

test('should not clear the session when the login form gets 401', async () => {
  session.save({ token: 'keep', expiresAt: future(), user: {} });
  globalThis.fetch = async () => new Response(JSON.stringify({ error: { code: 'invalid_credentials', message: 'no' } }), { status: 401 });
  await assert.rejects(api.post('/api/auth/login', {}, { auth: false, keep401: true }), (e) => e.code === 'invalid_credentials');
  assert.equal(session.token(), 'keep');
});
