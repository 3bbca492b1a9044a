// Tunesmith end to end: the real server (Postgres, demo catalog, recommender) driven through
// Debian's Chromium. One server and one browser for the file; every test has its own page and user.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { login, uniqueName } from './lib/api.mjs';
import { screenshot } from './lib/browser.mjs';
import { ADMIN_PASSWORD } from './lib/server.mjs';
import { onPage, startSession } from './lib/session.mjs';
import {
  eventually, loginThroughForm, logout, navigateTo, openChat, recordChatFrames, registerThroughForm, sendChat,
  storedSession, tokenFrom, waitForTurnEnd,
} from './lib/ui.mjs';

const PLAYLIST_PROMPT = 'rainy Sunday, a bit melancholic but hopeful, no jazz, 10 songs';
const LYRICS_PROMPT = 'lyrics about the sea, ABAB, 8 lines';
const MELODY_PROMPT = 'compose a jig in D, 16 bars';

/** The first integer in a text ("1 234" counts as 1234), or null. */
function intIn(text) {
  const m = /-?\d[\d\s,]*/.exec(text ?? '');
  return m ? Number(m[0].replace(/[\s,]/g, '')) : null;
}

describe('Tunesmith in a real browser', { timeout: 230_000 }, () => {
  let s;
  let startError;

  // A failed start fails every test with its reason (a failing `before` would only count them as cancelled).
  before(async () => {
    try {
      s = await startSession();
    } catch (e) {
      startError = e;
    }
  }, { timeout: 150_000 });

  beforeEach(() => {
    if (startError) throw startError;
  });

  after(async () => {
    await s?.close();
  });


  test('visitor registers and logs in through the form and sees real catalog tracks', async () => {
    await onPage(s, 'catalog', async (page) => {
      const username = uniqueName('e2e-reg');
      const password = `pw-${username}`;
      await registerThroughForm(page, s.baseUrl, username, password);
      await logout(page);
      await loginThroughForm(page, s.baseUrl, username, password);

      await page.waitForURL((url) => url.hash.startsWith('#/catalog'));
      const cards = page.getByTestId('track-grid').getByTestId('track-card');
      await cards.first().waitFor();
      const { total } = await s.api.withToken(await tokenFrom(page)).get('/api/tracks?limit=1');
      assert.ok(total > 0, 'the demo catalog has tracks');
      assert.equal(await cards.count(), Math.min(24, total), 'a full first page of tracks');
      await page.locator('[data-testid="catalog-status"]', { hasText: `of ${total}` }).waitFor();

      // The first card is a real track of the server's catalog.
      const first = cards.first();
      const id = await first.getAttribute('data-track-id');
      const track = await s.api.withToken(await tokenFrom(page)).get(`/api/tracks/${encodeURIComponent(id)}`);
      // the title's link (the heading may also hold an '≈ estimated' badge)
      assert.equal((await first.locator('.track-title [data-testid="track-link"]').textContent()).trim(), track.title);
      assert.ok(track.title && track.artist, 'tracks have a title and an artist');
      await screenshot(page, 'catalog');
    });
  });

  test('listener likes a track in the catalog and the profile counts it', async () => {
    const me = await s.listener('e2e-like');
    await onPage(s, 'like', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      const card = page.getByTestId('track-grid').getByTestId('track-card').first();
      await card.waitFor();
      const trackId = await card.getAttribute('data-track-id');

      const api = s.api.withToken(await tokenFrom(page));
      const before = await api.get('/api/me');
      assert.equal(before.profile?.counts?.like ?? 0, 0, 'a new listener has no likes');

      await card.getByTestId('like-button').click();
      await card.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor();
      await page.getByTestId('toast-ok').filter({ hasText: 'Like saved' }).waitFor();

      const after = await eventually(async () => {
        const now = await api.get('/api/me');
        return now.profile?.counts?.like === 1 ? now : null;
      }, 'GET /api/me to count one like');
      assert.ok(after.profile.tracks >= 1, `the liked track ${trackId} is in the profile`);
      // The catalog's profile panel reloads after the event and shows the like too.
      await page.getByTestId('profile-counts').filter({ hasText: 'Like' }).waitFor();
      await screenshot(page, 'like');
    });
  });

  test('listener gets a streamed playlist with 10 tracks and per-track reasons', async () => {
    const me = await s.listener('e2e-chat');
    await onPage(s, 'chat', async (page) => {
      const socket = recordChatFrames(page);
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await openChat(page);
      const from = socket.frames.length;
      const answer = await sendChat(page, PLAYLIST_PROMPT);

      const card = answer.locator('ts-playlist-card');
      await card.waitFor({ timeout: 60_000 });
      await socket.waitFor((f) => f.type === 'done' || f.type === 'error', 60_000, from);
      await waitForTurnEnd(page);

      const turn = socket.frames.slice(from);
      const types = turn.map((f) => f.type);
      assert.ok(!types.includes('error'), `no error frame: ${JSON.stringify(turn.find((f) => f.type === 'error'))}`);
      assert.equal(types.at(-1), 'done', 'the turn ends with done');
      const playlistAt = types.indexOf('playlist');
      assert.ok(playlistAt >= 0, `a playlist frame came (frames: ${types.join(', ')})`);
      assert.ok(types.includes('token'), 'prose streamed as token frames');
      const toolAt = turn.findIndex((f) => f.type === 'tool' && f.status === 'start');
      assert.ok(toolAt >= 0 && toolAt < playlistAt, `a tool call is announced before its result (frames: ${types.join(', ')})`);

      // The streamed prose lands in the DOM as text, exactly as it came.
      const prose = turn.filter((f) => f.type === 'token').map((f) => f.text).join('');
      assert.equal(await answer.getByTestId('message-text').textContent(), prose);

      const { playlist } = turn[playlistAt];
      assert.equal(playlist.items.length, 10, 'ten songs, as asked');
      for (const { track } of playlist.items) {
        assert.ok(!(track.tags ?? []).some((t) => /jazz/i.test(t)), `no jazz: ${track.title} is tagged ${track.tags}`);
      }

      const tracks = card.getByTestId('track-card');
      assert.equal(await tracks.count(), 10, 'the card shows ten tracks');
      for (let i = 0; i < 10; i += 1) {
        const reasons = tracks.nth(i).getByTestId('track-reasons').locator('li');
        assert.ok(await reasons.count() >= 1, `track ${i + 1} has a reason`);
        assert.ok((await reasons.first().textContent()).trim().length > 0, `track ${i + 1}'s reason is not empty`);
        assert.equal(await tracks.nth(i).getAttribute('data-track-id'), String(playlist.items[i].track.id), `track ${i + 1} in order`);
      }

      // A viewport tall enough for the whole turn: the request, the streamed prose and the card.
      const height = await answer.evaluate((el) => el.getBoundingClientRect().height);
      await page.setViewportSize({ width: 1280, height: Math.min(3000, Math.ceil(height) + 400) });
      await page.getByTestId('chat-message-user').last().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'chat');
    });
  });

  /** A listener made a creator through the admin API (once per run), with a fresh login. */
  let creatorPromise;
  function creator() {
    creatorPromise ??= (async () => {
      const me = await s.listener('e2e-creator');
      await (await s.adminApi()).patch(`/api/admin/users/${me.id}`, { roles: ['listener', 'creator'] });
      const { user } = await login(s.api, me.username, me.password);
      assert.deepEqual([...user.roles].sort(), ['creator', 'listener'], 'the PATCH made the listener a creator');
      return me;
    })();
    return creatorPromise;
  }

  /**
   * Logs the creator in, opens the chat and sends one request. Resolves to {page, answer, frame} with
   * the `kind` frame, or {unavailable: message} when the server says generation is unavailable.
   */
  async function createInChat(page, prompt, kind) {
    const me = await creator();
    const socket = recordChatFrames(page);
    await loginThroughForm(page, s.baseUrl, me.username, me.password);
    assert.ok((await storedSession(page)).user.roles.includes('creator'), 'the session carries the creator role');
    await page.getByTestId('nav-create').waitFor();
    await openChat(page);
    const from = socket.frames.length;
    const answer = await sendChat(page, prompt);
    const end = await socket.waitFor((f) => f.type === 'done' || f.type === 'error', 120_000, from);
    await waitForTurnEnd(page);
    const turn = socket.frames.slice(from);
    const frame = turn.find((f) => f.type === kind);
    if (frame) return { answer, frame };
    // Without the generation models the server says so: in an error frame or in the answer's prose.
    const said = end.type === 'error' ? end.message : turn.filter((f) => f.type === 'token').map((f) => f.text).join('');
    if (/unavailable/i.test(said ?? '')) return { unavailable: said.trim() };
    return assert.fail(`no ${kind} frame for "${prompt}"; frames: ${turn.map((f) => f.type).join(', ')}; said: ${said}`);
  }

  test('creator gets lyrics with the asked rhyme scheme', async (t) => {
    const result = await onPage(s, 'creator-lyrics', async (page) => {
      const r = await createInChat(page, LYRICS_PROMPT, 'lyrics');
      if (r.unavailable) return r;
      const card = r.answer.getByTestId('lyrics-card');
      await card.waitFor();
      const l = r.frame.lyrics;
      assert.equal(l.text.split('\n').filter((x) => x.trim()).length, 8, `eight lines: ${l.text}`);
      assert.equal(await card.locator('.lyric-line').count(), 8, 'the card shows eight lines');
      assert.match([l.scheme ?? ''].flat().join(''), /^ABAB/, `rhyme scheme ABAB, got ${l.scheme}`);
      await screenshot(page, 'creator-lyrics');
      return r;
    });
    if (result.unavailable) t.skip(`lyrics generation unavailable: ${result.unavailable}`);
  });

  test('creator gets a melody drawn as sheet music', async (t) => {
    const result = await onPage(s, 'creator-melody', async (page) => {
      const r = await createInChat(page, MELODY_PROMPT, 'melody');
      if (r.unavailable) return r;
      const card = r.answer.getByTestId('melody-card');
      await card.getByTestId('melody-sheet').locator('svg').first().waitFor({ timeout: 20_000 });
      assert.equal(await card.getByTestId('melody-abc').count(), 0, 'sheet music, not the ABC-text fallback');
      const m = r.frame.melody;
      assert.equal(Number(m.bars), 16, `16 bars, got ${m.bars}`);
      assert.match(String(m.key), /^D/, `in D, got ${m.key}`);
      assert.match(m.abc, /^K:\s*D/m, 'the ABC names the key');
      // A jig is in compound time.
      assert.match(String(m.meter), /^(6|9|12)\/8$/, `a jig meter, got ${m.meter}`);
      await screenshot(page, 'creator-melody');
      return r;
    });
    if (result.unavailable) t.skip(`melody generation unavailable: ${result.unavailable}`);
  });

  test('the Create page sends a structured melody request and gets exactly the bars asked', async (t) => {
    const result = await onPage(s, 'creator-create-page', async (page) => {
      const me = await creator();
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await navigateTo(page, 'create');
      const form = page.getByTestId('melody-form');
      await form.waitFor();
      await page.getByTestId('melody-bars').fill('8');
      await page.getByTestId('melody-key').selectOption('G');
      await page.getByTestId('melody-meter').selectOption('3/4');
      const responded = page.waitForResponse((res) => res.url().endsWith('/api/create/melody') && res.request().method() === 'POST', { timeout: 120_000 });
      await page.getByTestId('melody-submit').click();
      const res = await responded;
      const sent = JSON.parse(res.request().postData() ?? '{}');
      assert.deepEqual({ key: sent.key, meter: sent.meter, bars: sent.bars }, { key: 'G', meter: '3/4', bars: 8 }, 'structured fields, numbers as numbers');
      const body = await res.json();
      if (res.status() === 503) return { unavailable: body?.error?.message };
      assert.equal(res.status(), 200, JSON.stringify(body));
      assert.equal(body.bars, 8, `8 bars, got ${body.bars}`);
      const card = page.getByTestId('melody-card').last();
      await card.waitFor();
      assert.match(await card.textContent(), /8 bars/);
      await screenshot(page, 'creator-create-page');
      return body;
    });
    if (result.unavailable) t.skip(`melody generation unavailable: ${result.unavailable}`);
  });

  test('admin watches live numbers move and a training job reach 100 %', async () => {
    const admin = await s.adminApi();
    // Fails with the server's answer when the overview endpoint is missing.
    const start = await admin.get('/api/admin/overview');
    assert.equal(typeof start.eventsPerMin, 'number', `overview has eventsPerMin: ${JSON.stringify(start)}`);

    await onPage(s, 'dashboard', async (page) => {
      await loginThroughForm(page, s.baseUrl, 'admin', ADMIN_PASSWORD);
      await navigateTo(page, 'admin');
      await page.getByTestId('admin-tab-overview').and(page.locator('[aria-selected="true"]')).waitFor();
      await page.getByTestId('overview-live').filter({ hasText: /^live$/ }).waitFor({ timeout: 20_000 });
      const events = page.getByTestId('stat-events').locator('.stat-value');
      await events.filter({ hasText: /\d/ }).waitFor();
      const baseline = intIn(await events.textContent());

      // Activity recorded through the API shows up on the open dashboard without a reload. (Rise, not
      // "+5": the one-minute window may drop an earlier test's event meanwhile.)
      const fan = await s.listener('e2e-fan');
      const { items } = await fan.api.get('/api/tracks?limit=5');
      for (const tr of items) await fan.api.post('/api/me/events', { trackId: tr.id, type: 'play', playedSec: 30 }, { expect: 202 });
      await page.waitForFunction(
        ({ sel, base }) => {
          const v = parseInt(document.querySelector(sel)?.textContent?.replace(/\D+/g, '') ?? '', 10);
          return Number.isFinite(v) && v > base;
        },
        { sel: '[data-testid="stat-events"] .stat-value', base: baseline },
        { timeout: 30_000 },
      );
      assert.equal(await page.getByTestId('overview-live').textContent(), 'live', 'numbers came over the live stream');
      await screenshot(page, 'dashboard');

      await page.getByTestId('admin-tab-jobs').click();
      const startButton = page.getByTestId('start-job-train-recommender');
      await startButton.waitFor();
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/admin/jobs' && r.request().method() === 'POST'),
        startButton.click(),
      ]);
      assert.ok(response.ok(), `POST /api/admin/jobs answered ${response.status()}: ${await response.text()}`);
      const created = await response.json();
      const jobId = created.jobId ?? created.id;
      assert.ok(jobId !== undefined && jobId !== null, `the new job has an id: ${JSON.stringify(created)}`);

      const row = page.getByTestId('jobs-table').locator(`tr[data-job-id="${jobId}"]`);
      await row.getByTestId('job-state').filter({ hasText: /^succeeded$/i }).waitFor({ timeout: 90_000 });
      await row.locator('progress[value="100"]').waitFor();
      const job = await admin.get(`/api/admin/jobs/${encodeURIComponent(jobId)}`);
      assert.match(String(job.state), /^succeeded$/i);
      assert.ok(job.progress === 1 || job.progress === 100, `progress is complete: ${job.progress}`);
      await screenshot(page, 'dashboard-jobs');
    });
  });

  test('listener is refused the admin API and the dashboard', async () => {
    const me = await s.listener('e2e-nosy');
    const probes = [
      ['GET', '/api/admin/overview'], ['GET', '/api/admin/users'], ['GET', '/api/admin/jobs'],
      ['POST', '/api/admin/jobs', { kind: 'train-recommender' }], ['PATCH', `/api/admin/users/${me.id}`, { roles: ['listener', 'admin'] }],
    ];
    for (const [method, path, body] of probes) {
      assert.equal(await me.api.status(method, path, body), 403, `${method} ${path} with a listener token`);
      assert.equal(await s.api.status(method, path, body), 401, `${method} ${path} without a token`);
    }
    const streamStatus = await s.api.status('GET', `/api/admin/stream?token=${encodeURIComponent(me.token)}`);
    assert.ok([401, 403].includes(streamStatus), `the live stream refuses a listener token (got ${streamStatus})`);

    await onPage(s, 'admin-forbidden', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await page.getByTestId('nav-catalog').waitFor();
      assert.equal(await page.getByTestId('nav-admin').count(), 0, 'no Admin link for a listener');
      await page.goto(`${s.baseUrl}/#/admin`);
      await page.getByTestId('toast-error').filter({ hasText: 'for administrators' }).waitFor();
      await page.waitForURL((url) => url.hash.startsWith('#/catalog'));
      assert.equal(await page.locator('ts-admin-view').count(), 0, 'the dashboard is not rendered');
      assert.equal(await page.getByTestId('admin-panel').count(), 0);
      await screenshot(page, 'admin-forbidden');
    });
    // The attempted escalation changed nothing.
    const { user } = await login(s.api, me.username, me.password);
    assert.deepEqual(user.roles, ['listener']);
  });
});
