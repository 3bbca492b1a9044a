// Listening and being told at once, in a real browser: scanned music played in the player bar (time moves,
// pause, next, a file that cannot be played says so), a granted role reaching an open page without a
// reload, a chat playlist refined turn by turn, and the per-version ranking-quality figure of the
// admin's model comparison. Every assertion waits for a state, never for a fixed time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { screenshot } from './lib/browser.mjs';
import { ADMIN_PASSWORD } from './lib/server.mjs';
import { onPage, startSession } from './lib/session.mjs';
import { eventually, loginThroughForm, openChat, recordChatFrames, sendChat, waitForTurnEnd } from './lib/ui.mjs';

/** A mono 16-bit PCM WAV of `seconds` of a sine at `hz` (Chromium plays WAV without proprietary codecs). */
function sineWav(seconds, hz, rate = 22050) {
  const n = Math.round(seconds * rate);
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i += 1) {
    const env = Math.min(1, i / 2000, (n - i) / 2000);
    buf.writeInt16LE(Math.round(12000 * env * Math.sin((2 * Math.PI * hz * i) / rate) * (1 + 0.3 * Math.sin(i / 900))), 44 + i * 2);
  }
  return buf;
}

/** Waits for a job started through the admin API to finish; returns it. */
function finished(admin, jobId, timeoutMs = 180_000) {
  return eventually(async () => {
    const job = await admin.get(`/api/admin/jobs/${jobId}`);
    return job.state === 'running' || job.state === 'queued' ? null : job;
  }, `job ${jobId} to finish`, { timeoutMs, intervalMs: 1000 });
}

/** The ids of the tracks a playlist card shows, in order. */
function shownIds(card) {
  return card.getByTestId('track-card').evaluateAll((els) => els.map((e) => e.dataset.trackId));
}

describe('Listening in a real browser', { timeout: 600_000 }, () => {
  let s;
  let startError;
  const folders = [];

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
    for (const f of folders) rmSync(f, { recursive: true, force: true });
    await s?.close();
  });

  test('a listener plays scanned music in the player bar: time moves, pause and next work, a missing file says so', async (t) => {
    if (spawnSync('ffmpeg', ['-version']).status !== 0) {
      t.skip('ffmpeg is not installed, so the server cannot scan a library (./tunesmith setup installs it)');
      return;
    }
    const admin = await s.adminApi();
    const tag = `tone${Date.now().toString(36)}`;
    const dir = mkdtempSync(join(tmpdir(), 'tunesmith-e2e-music-'));
    folders.push(dir);
    const names = ['alpha', 'bravo', 'charlie'];
    // long enough (45 s) that no track ends by itself while the test presses buttons
    names.forEach((n, i) => writeFileSync(join(dir, `${tag}-${n}.wav`), sineWav(45, 330 + 110 * i, 8000)));
    const started = await admin.post('/api/admin/libraries', { path: dir, licence: 'CC0-1.0' }, { expect: 202 });
    const scan = await finished(admin, started.jobId);
    assert.equal(scan.state, 'succeeded', JSON.stringify(scan));
    const report = scan.result.libraries.find((l) => l.path === dir) ?? scan.result.libraries[0];
    assert.equal(report.added, 3, JSON.stringify(report));

    const me = await s.listener('e2e-player');
    const { items } = await me.api.get(`/api/tracks?q=${tag}&limit=10`);
    assert.equal(items.length, 3, `three scanned tracks found: ${JSON.stringify(items.map((x) => x.title))}`);
    assert.ok(items.every((x) => x.source === 'library'), 'they are library tracks');

    await onPage(s, 'player', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await page.goto(`${s.baseUrl}/#/catalog?q=${tag}`);
      // the unfiltered catalogue shows first after the login: wait for the search's own result
      await page.getByTestId('catalog-status').filter({ hasText: 'Showing 1–3 of 3' }).waitFor();
      const cards = page.getByTestId('track-grid').getByTestId('track-card');
      assert.equal(await cards.count(), 3);
      const order = await cards.evaluateAll((els) => els.map((e) => e.dataset.trackId));
      const byId = new Map(items.map((x) => [String(x.id), x]));
      assert.deepEqual([...order].sort(), items.map((x) => String(x.id)).sort(), 'the page shows the scanned tracks');
      // the file of the last one disappears from disk before anything plays: reaching it must say so, not stay silent
      const gone = byId.get(order[2]);
      const goneName = names.find((n) => gone.title.toLowerCase().endsWith(n));
      rmSync(join(dir, `${tag}-${goneName}.wav`));

      // ▶ on the first card: the bar shows its title and the <audio> element really advances
      await cards.nth(0).getByTestId('play-button').click();
      const bar = page.getByTestId('now-playing');
      await bar.getByTestId('now-playing-title').filter({ hasText: byId.get(order[0]).title }).waitFor();
      const audio = page.getByTestId('player-audio');
      await page.waitForFunction(() => document.querySelector('[data-testid="player-audio"]').currentTime > 0.5, null, { timeout: 20_000 });
      assert.equal(await bar.getByTestId('player-queue').textContent(), '1 / 3', 'the page plays as a queue');
      assert.match(await audio.evaluate((a) => a.currentSrc), /\/api\/tracks\/\d+\/stream\?/, 'streamed through a signed URL');
      await screenshot(page, 'player-bar');

      // pause stops the clock, ▶ resumes from there
      await bar.getByTestId('player-toggle').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="player-audio"]').paused);
      const at = await audio.evaluate((a) => a.currentTime);
      await bar.locator('[data-testid="player-toggle"][aria-label="Play"]').waitFor();
      assert.equal(await audio.evaluate((a) => a.currentTime), at, 'paused: time stands still');
      await bar.getByTestId('player-toggle').click();
      await page.waitForFunction((t0) => document.querySelector('[data-testid="player-audio"]').currentTime > t0 + 0.3, at, { timeout: 20_000 });

      // next: the second track's title, another source and a fresh clock
      const firstSrc = await audio.evaluate((a) => a.currentSrc);
      await bar.getByTestId('player-next').click();
      await bar.getByTestId('now-playing-title').filter({ hasText: byId.get(order[1]).title }).waitFor();
      assert.equal(await bar.getByTestId('player-queue').textContent(), '2 / 3');
      await page.waitForFunction((src) => {
        const a = document.querySelector('[data-testid="player-audio"]');
        return a.currentSrc !== src && a.currentTime > 0.3;
      }, firstSrc, { timeout: 20_000 });

      // the file of the last one is gone: the bar names it and says it cannot be played
      await bar.getByTestId('player-next').click();
      await bar.getByTestId('now-playing-title').filter({ hasText: gone.title }).waitFor();
      await bar.getByRole('status').filter({ hasText: 'Cannot play this track' }).waitFor({ timeout: 20_000 });
      await screenshot(page, 'player-missing-file');
    });
  });

  test('a role granted by an admin shows on the open page within seconds, and so does its removal', async () => {
    const me = await s.listener('e2e-granted');
    const admin = await s.adminApi();
    await onPage(s, 'role-push', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await page.getByTestId('nav-catalog').waitFor();
      assert.equal(await page.getByTestId('nav-create').count(), 0, 'a listener has no Create entry');
      const t0 = Date.now();
      await admin.patch(`/api/admin/users/${me.id}`, { roles: ['listener', 'creator'] });
      await page.getByTestId('nav-create').waitFor({ timeout: 5_000 });
      const took = Date.now() - t0;
      assert.ok(took < 5_000, `the Create entry appeared after ${took} ms`);
      await page.getByTestId('nav-create').click();
      await page.locator('ts-create-view').waitFor();
      await admin.patch(`/api/admin/users/${me.id}`, { roles: ['listener'] });
      await page.getByTestId('nav-create').waitFor({ state: 'detached', timeout: 5_000 });
    });
  });

  test('a chat playlist of the asked size is refined: the third swapped, then songs 2 and 3 removed', async () => {
    const me = await s.listener('e2e-refine');
    await onPage(s, 'chat-refine', async (page) => {
      const socket = recordChatFrames(page);
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await openChat(page);

      /** Sends one message; returns {card, ids} of the playlist the server sent and the page shows. */
      async function turn(text) {
        const from = socket.frames.length;
        const answer = await sendChat(page, text);
        const end = await socket.waitFor((f) => f.type === 'done' || f.type === 'error', 60_000, from);
        assert.equal(end.type, 'done', `"${text}" ended with ${JSON.stringify(end)}`);
        await waitForTurnEnd(page);
        const frame = socket.frames.slice(from).findLast((f) => f.type === 'playlist');
        assert.ok(frame, `"${text}" answered with a playlist`);
        const card = answer.locator('ts-playlist-card');
        const ids = frame.playlist.items.map((it) => String(it.track.id));
        await card.getByTestId('track-card').nth(ids.length - 1).waitFor();
        assert.deepEqual(await shownIds(card), ids, `the page shows exactly the tracks the server sent for "${text}"`);
        return { frame, ids, answer };
      }

      const first = await turn('could you put together 6 mellow tracks for reading? nothing with rock in it please');
      assert.equal(first.ids.length, 6, 'six tracks, as asked');
      for (const { track } of first.frame.playlist.items) {
        const where = [...(track.tags ?? []), track.genre ?? ''].join(' ');
        assert.ok(!/rock/i.test(where), `no rock: ${track.title} is ${where}`);
      }

      const swapped = await turn('swap the third one');
      assert.equal(swapped.ids.length, 6, 'still six');
      assert.notEqual(swapped.ids[2], first.ids[2], 'the third track changed');
      assert.ok(!first.ids.includes(swapped.ids[2]), 'for a track that was not in the list');
      assert.deepEqual(swapped.ids.filter((_, i) => i !== 2), first.ids.filter((_, i) => i !== 2), 'the others stay in place');

      const trimmed = await turn('ok now remove songs 2 and 3');
      assert.deepEqual(trimmed.ids, swapped.ids.filter((_, i) => i !== 1 && i !== 2), 'songs 2 and 3 are gone, the rest in order');
      assert.equal(await trimmed.answer.locator('ts-playlist-card').getByTestId('track-card').count(), 4);

      // the newest card's buttons say what a listener would type; older cards offer none
      assert.equal(await first.answer.getByTestId('refine-buttons').count(), 0, 'an older card offers no refinements');
      const from = socket.frames.length;
      await trimmed.answer.getByTestId('refine-mix-it-up').click();
      const end = await socket.waitFor((f) => f.type === 'done' || f.type === 'error', 60_000, from);
      assert.equal(end.type, 'done', `"mix it up" ended with ${JSON.stringify(end)}`);
      await waitForTurnEnd(page);
      const mixed = socket.frames.slice(from).findLast((f) => f.type === 'playlist');
      assert.ok(mixed, 'the button answered with a playlist');
      const mixedIds = mixed.playlist.items.map((it) => String(it.track.id));
      assert.equal(mixedIds.length, 4, 'as long as before');
      assert.ok(mixedIds.every((id) => !trimmed.ids.includes(id)), 'none of the earlier tracks');
      assert.equal(await trimmed.answer.getByTestId('refine-buttons').count(), 0, 'the buttons moved to the newest card');

      // "Build up" puts the same tracks in order of energy
      const beforeBuild = socket.frames.length;
      await page.locator('ts-playlist-card').last().getByTestId('refine-build-up').click();
      const built = await socket.waitFor((f) => f.type === 'done' || f.type === 'error', 60_000, beforeBuild);
      assert.equal(built.type, 'done', `"build up" ended with ${JSON.stringify(built)}`);
      await waitForTurnEnd(page);
      const ordered = socket.frames.slice(beforeBuild).findLast((f) => f.type === 'playlist');
      assert.ok(ordered, 'the button answered with a playlist');
      assert.deepEqual(ordered.playlist.items.map((it) => String(it.track.id)).sort(), [...mixedIds].sort(), 'the same tracks');
      const energy = ordered.playlist.items.map((it) => it.track.features?.energy).filter((e) => e != null);
      assert.ok(energy.every((e, i) => i === 0 || e >= energy[i - 1]), `energy rises to the end: ${energy}`);
      await screenshot(page, 'chat-refined');
    });
  });

  test('the admin compares versions with the ranking quality each training stored, or an honest "not enough data"', async () => {
    const admin = await s.adminApi();
    const started = await admin.post('/api/admin/jobs', { kind: 'train-recommender' });
    const job = await finished(admin, started.jobId);
    assert.equal(job.state, 'succeeded', JSON.stringify(job));
    const version = job.result.version;
    const model = (await admin.get('/api/admin/models')).items.find((m) => m.version === version);
    const quality = model.metrics.quality;
    assert.ok(quality, `the version stored a quality figure: ${JSON.stringify(model.metrics)}`);

    await onPage(s, 'models-quality', async (page) => {
      await loginThroughForm(page, s.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.goto(`${s.baseUrl}/#/admin`);
      await page.getByTestId('admin-tab-models').click();
      const row = page.getByTestId('models-table').locator('tr', { hasText: version });
      await row.waitFor();
      const box = row.getByTestId('model-compare');
      if (!(await box.isChecked())) await box.check();
      const cell = page.locator(`[data-testid="quality-cell"][data-version="${version}"]`);
      await cell.waitFor();
      assert.equal(await cell.getAttribute('data-status'), quality.status);
      const text = (await cell.textContent()).trim();
      if (quality.status === 'measured') {
        assert.ok(text.includes(`NDCG@10 ${quality['ndcg@10'].toFixed(3)}`), text);
        assert.ok(text.includes(`Recall@20 ${quality['recall@20'].toFixed(3)}`), text);
      } else {
        assert.equal(quality.status, 'not_enough_data');
        assert.equal(text, quality.reason, 'the page says why there is no figure, in the server\'s words');
        assert.match(text, /^not enough data: \d+ listeners?/);
      }
      await screenshot(page, 'admin-models-quality');
    });
  });
});
