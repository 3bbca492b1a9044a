// The listener's pages in a real browser: For you, Liked songs with remembered hearts, track /
// artist / album pages, the privacy page (export and account deletion), sessions shared by tabs,
// a disabled user told why; every main page checked with axe-core and at phone size (390×844).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { assertAccessible, assertNoHorizontalOverflow } from './lib/axe.mjs';
import { screenshot } from './lib/browser.mjs';
import { ADMIN_PASSWORD } from './lib/server.mjs';
import { onPage, startSession } from './lib/session.mjs';
import { eventually, loginThroughForm, navigateTo, openLogin } from './lib/ui.mjs';

describe('Listener pages in a real browser', { timeout: 400_000 }, () => {
  let s;
  let startError;

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


  test('For you shows recommendations with reasons and the profile in words, and refreshes after a like', async () => {
    const me = await s.listener('e2e-foryou');
    const { items } = await me.api.get('/api/tracks?tag=electronic&limit=3');
    for (const t of items) await me.api.post('/api/me/events', { trackId: t.id, type: 'play', playedSec: 200 });
    await onPage(s, 'for-you', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await navigateTo(page, 'foryou');
      const cards = page.getByTestId('foryou-list').getByTestId('track-card');
      await cards.first().waitFor({ timeout: 30_000 });
      assert.equal(await cards.count(), 20);
      assert.ok((await cards.first().getByTestId('track-reasons').textContent()).trim().length > 0, 'each card says why');
      const profile = (await page.getByTestId('foryou-profile').textContent()).trim();
      assert.match(profile, /So far you have played 3 tracks\./);
      const before = await page.getByTestId('foryou-status').textContent();
      await cards.first().getByTestId('like-button').click();
      await page.getByTestId('foryou-status').filter({ hasText: 'after your last action' }).waitFor({ timeout: 20_000 });
      assert.notEqual(await page.getByTestId('foryou-status').textContent(), before);
      await page.getByTestId('foryou-profile').filter({ hasText: 'liked 1 track' }).waitFor();
      await screenshot(page, 'for-you');
      await assertAccessible(page, 'For you');
    });
  });

  test('hearts stay filled after a reload and Liked songs lists what I like', async () => {
    const me = await s.listener('e2e-liked');
    await onPage(s, 'liked', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      const card = page.getByTestId('track-grid').getByTestId('track-card').first();
      await card.waitFor();
      const id = await card.getAttribute('data-track-id');
      const title = (await card.locator('.track-title').textContent()).trim();
      await card.getByTestId('like-button').click();
      await card.getByTestId('favorite-button').click();
      await eventually(async () => ((await me.api.get('/api/me/likes')).favoriteIds.length === 1 ? true : null), 'the favourite to be stored');

      await page.reload();
      const again = page.locator(`[data-testid="track-card"][data-track-id="${id}"]`).first();
      await again.locator('[data-testid="like-button"][aria-pressed="true"]').waitFor();
      await again.locator('[data-testid="favorite-button"][aria-pressed="true"]').waitFor();

      await navigateTo(page, 'liked');
      const liked = page.getByTestId('liked-grid').getByTestId('track-card');
      await liked.first().waitFor();
      assert.equal(await liked.count(), 1);
      assert.equal((await liked.first().locator('.track-title').textContent()).trim(), title);
      await page.getByTestId('liked-tab-favorites').filter({ hasText: 'Favourites (1)' }).waitFor();
      await screenshot(page, 'liked');
      await assertAccessible(page, 'Liked songs');

      await liked.first().getByTestId('like-button').click();
      await eventually(async () => ((await me.api.get('/api/me/likes')).likedIds.length === 0 ? true : null), 'the unlike to be stored');
      await page.reload();
      await page.getByTestId('liked-empty').waitFor();
    });
  });

  test('track, artist and album pages explain the track and offer more like it', async () => {
    const me = await s.listener('e2e-track');
    const { items } = await me.api.get('/api/tracks?limit=50');
    const seed = items.find((t) => t.album && t.features && Object.keys(t.features).length > 1) ?? items[0];
    await onPage(s, 'track-page', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await page.goto(`${s.baseUrl}/#/catalog?q=${encodeURIComponent(seed.title)}`);
      await page.locator(`[data-testid="track-card"][data-track-id="${seed.id}"] [data-testid="track-link"]`).first().click();
      await page.waitForURL((u) => u.hash === `#/track/${seed.id}`);
      await page.locator('ts-track-view h1', { hasText: seed.title }).waitFor();
      const words = await page.getByTestId('feature-words').textContent();
      assert.match(words, /energy \d+%/);
      if (seed.features.estimated) {
        await page.getByTestId('estimated-note').waitFor();
        // the card and the features heading carry an "≈ estimated" badge whose title says where the numbers come from
        const badge = page.locator('ts-track-view .track-page [data-testid="estimated-badge"]');
        await badge.first().waitFor();
        assert.equal(await badge.count(), 2);
        assert.match(await badge.first().getAttribute('title'), /genre/);
      } else {
        await page.getByTestId('measured-note').waitFor();
        assert.equal(await page.locator('ts-track-view .track-page [data-testid="estimated-badge"]').count(), 0);
      }
      const similar = page.getByTestId('similar-grid').getByTestId('track-card');
      await similar.first().waitFor({ timeout: 30_000 });
      assert.equal(await similar.count(), 8);
      await screenshot(page, 'track');
      await assertAccessible(page, 'track page');

      await page.getByTestId('track-artist-link').click();
      await page.waitForURL((u) => u.hash.startsWith('#/artist'));
      await page.locator('ts-artist-view h1', { hasText: seed.artist }).waitFor();
      const artistTracks = page.getByTestId('artist-tracks').getByTestId('track-card');
      await artistTracks.first().waitFor();
      assert.ok(await page.locator(`[data-testid="artist-tracks"] [data-track-id="${seed.id}"]`).count() === 1);
      await screenshot(page, 'artist');
      await assertAccessible(page, 'artist page');

      await page.getByTestId('artist-albums').locator('a', { hasText: seed.album }).first().click();
      await page.waitForURL((u) => u.hash.startsWith('#/album'));
      await page.getByTestId('album-tracks').locator('a', { hasText: seed.title }).first().waitFor();
      await screenshot(page, 'album');
      await assertAccessible(page, 'album page');
    });
  });

  test('privacy page exports my data and deletes my account with my password', async () => {
    const me = await s.listener('e2e-privacy');
    const { items } = await me.api.get('/api/tracks?limit=1');
    await me.api.post('/api/me/events', { trackId: items[0].id, type: 'like' });
    await onPage(s, 'privacy', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await navigateTo(page, 'privacy');
      await page.getByTestId('privacy-table').waitFor();
      await screenshot(page, 'privacy');
      await assertAccessible(page, 'privacy page');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-data').click()]);
      const file = await download.path();
      const data = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(data.account.username, me.username);
      assert.equal(data.events.length, 1);
      assert.equal(data.events[0].type, 'like');
      await page.getByTestId('export-status').filter({ hasText: 'Downloaded' }).waitFor();

      await page.getByTestId('delete-password').fill('not-my-password');
      await page.getByTestId('delete-account').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('delete-error').filter({ hasText: 'Nothing was deleted' }).waitFor();
      assert.equal((await me.api.get('/api/me')).username, me.username, 'still there');

      await page.getByTestId('delete-password').fill(me.password);
      await page.getByTestId('delete-account').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('login-form').waitFor();
      await page.getByTestId('toast-ok').filter({ hasText: 'deleted' }).first().waitFor();
      assert.equal(await s.api.status('POST', '/api/auth/login', { username: me.username, password: me.password }), 401);
    });
  });

  test('a session is shared by tabs: log in in one, log out in another', async () => {
    const me = await s.listener('e2e-tabs');
    await onPage(s, 'tabs', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      const second = await s.browser.newPage();
      try {
        await second.goto(`${s.baseUrl}/#/liked`);
        await second.getByTestId('current-user').filter({ hasText: me.username }).waitFor();
        await second.getByTestId('logout').click();
        await page.getByTestId('login-form').waitFor();
      } finally {
        await second.close();
      }
    });
  });

  test('a disabled user is signed out and told why, also at the next login', async () => {
    const me = await s.listener('e2e-disabled');
    const admin = await s.adminApi();
    await onPage(s, 'disabled', async (page) => {
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await admin.patch(`/api/admin/users/${me.id}`, { disabled: true });
      // The page may already have been told (the disable is pushed to open sessions), so the nav bar can be gone
      // by now: go to a page by its address, which asks the server either way.
      await page.goto(`${s.baseUrl}/#/liked`);
      await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
      await page.getByTestId('login-username').fill(me.username);
      await page.getByTestId('login-password').fill(me.password);
      await page.getByTestId('login-submit').click();
      const error = page.getByTestId('login-error');
      await error.filter({ hasText: 'disabled by an administrator' }).waitFor();
      assert.equal(await error.getAttribute('data-code'), 'account_disabled');
      await screenshot(page, 'disabled-login');
    });
  });

  test('admin imports an uploaded file with honest outcomes, compares versions, previews a user and makes one live', async () => {
    const admin = await s.adminApi();
    const fan = await s.listener('e2e-preview');
    const { items } = await fan.api.get('/api/tracks?tag=ambient&limit=3');
    for (const t of items) await fan.api.post('/api/me/events', { trackId: t.id, type: 'like' });
    const started = await admin.post('/api/admin/jobs', { kind: 'train-recommender' });
    const trained = await eventually(async () => {
      const job = await admin.get(`/api/admin/jobs/${started.jobId}`);
      return job.state === 'running' ? null : job;
    }, 'the training job', { timeoutMs: 150_000, intervalMs: 1000 });
    assert.equal(trained.state, 'succeeded', JSON.stringify(trained));

    await onPage(s, 'admin-pages', async (page) => {
      await loginThroughForm(page, s.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.goto(`${s.baseUrl}/#/admin`);
      await page.getByTestId('admin-tab-catalog').click();
      const csv = 'id,name,artist,valence,energy,tempo\ne2e-up-1,Uploaded One,MÃºsica Band,0.4,0.5,100\ne2e-up-2,,,9,9,9\n';
      await page.getByTestId('import-file').setInputFiles({ name: 'features.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('import-submit').click();
      const outcome = page.getByTestId('import-outcome').and(page.locator('[data-tone="warn"]'));
      await outcome.filter({ hasText: 'Done with 1 rejected row' }).waitFor({ timeout: 30_000 });
      await page.getByTestId('import-rejected').waitFor();
      await page.getByTestId('import-repaired').filter({ hasText: '1 artists' }).waitFor();
      assert.equal((await s.api.get('/api/artists?name=M%C3%BAsica%20Band')).name, 'Música Band');
      await screenshot(page, 'admin-import-upload');

      await page.getByTestId('import-source-path').check();
      await page.getByTestId('import-kind').selectOption('freemusicc');
      await page.getByTestId('import-path').fill('/no/such/folder');
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-outcome').and(page.locator('[data-tone="danger"]')).filter({ hasText: 'Failed' }).waitFor({ timeout: 30_000 });
      await assertAccessible(page, 'admin catalog with import outcomes');

      await page.getByTestId('admin-tab-models').click();
      await page.getByTestId('compare-table').waitFor();
      assert.ok((await page.getByTestId('compare-table').locator('thead th').count()) >= 3, 'two versions side by side');
      await page.getByTestId('models-settings').filter({ hasText: 'only stores its model' }).waitFor();
      const version = (await admin.get(`/api/admin/jobs/${started.jobId}`)).result.version;
      const models = (await admin.get('/api/admin/models')).items;
      const model = models.find((m) => m.version === version);
      assert.equal(model.live, false, 'training did not make it live');
      await page.getByTestId('preview-user').fill(fan.username);
      await page.getByTestId('preview-version').selectOption(String(model.id));
      await page.getByTestId('preview-submit').click();
      await page.getByTestId('preview-result').filter({ hasText: `For ${fan.username}:` }).waitFor({ timeout: 60_000 });
      await page.getByTestId('preview-result').locator('ol').nth(1).locator('li').first().waitFor();
      await screenshot(page, 'admin-models-compare');
      await assertAccessible(page, 'admin models');

      await page.getByTestId('models-table').locator('tr', { hasText: version }).getByTestId('model-activate').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('models-table').locator('tr', { hasText: version }).getByTestId('model-live').waitFor({ timeout: 60_000 });
      assert.equal((await admin.get('/api/admin/models')).items.find((m) => m.version === version).live, true);
    });
  });

  test('every main page has no serious axe-core violation and fits a 390×844 phone', async () => {
    const me = await s.listener('e2e-a11y');
    await (await s.adminApi()).patch(`/api/admin/users/${me.id}`, { roles: ['listener', 'creator'] });
    const { items } = await me.api.get('/api/tracks?limit=5');
    const t = items.find((x) => x.album) ?? items[0];
    await onPage(s, 'phone', async (page) => {
      await openLogin(page, s.baseUrl);
      await page.setViewportSize({ width: 390, height: 844 });
      await assertAccessible(page, 'login');
      await assertNoHorizontalOverflow(page, 'login');
      await page.setViewportSize({ width: 1280, height: 900 });
      await loginThroughForm(page, s.baseUrl, me.username, me.password);
      await page.setViewportSize({ width: 390, height: 844 });
      const pages = [
        ['catalog', '#/catalog', () => page.getByTestId('track-grid').getByTestId('track-card').first().waitFor()],
        ['foryou', '#/foryou', () => page.getByTestId('foryou-list').getByTestId('track-card').first().waitFor({ timeout: 30_000 })],
        ['liked', '#/liked', () => page.getByTestId('liked-empty').waitFor()],
        ['track', `#/track/${t.id}`, () => page.getByTestId('similar-grid').waitFor({ timeout: 30_000 })],
        ['artist', `#/artist?name=${encodeURIComponent(t.artist)}`, () => page.getByTestId('artist-tracks').waitFor()],
        ['album', `#/album?artist=${encodeURIComponent(t.artist)}&name=${encodeURIComponent(t.album ?? '')}`, () => page.locator('ts-album-view h1').waitFor()],
        ['privacy', '#/privacy', () => page.getByTestId('privacy-table').waitFor()],
        ['chat', '#/chat', () => page.locator('ts-chat-view').waitFor()],
        ['create', '#/create', () => page.locator('ts-create-view').waitFor()],
      ];
      for (const [name, hash, ready] of pages) {
        await page.goto(`${s.baseUrl}/${hash}`);
        await ready();
        await page.waitForTimeout(300);
        await assertAccessible(page, name);
        await assertNoHorizontalOverflow(page, name);
        if (name === 'foryou' || name === 'track' || name === 'privacy') await screenshot(page, `phone-${name}`);
      }
      // Dark mode has its own colours: the contrast is checked there too.
      await page.emulateMedia({ colorScheme: 'dark' });
      for (const [name, hash, ready] of pages.slice(0, 4)) {
        await page.goto(`${s.baseUrl}/${hash}`);
        await ready();
        await page.waitForTimeout(300);
        await assertAccessible(page, `${name} (dark)`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  });

  test('the admin dashboard has no serious axe-core violation and fits a phone, tab by tab', async () => {
    await onPage(s, 'admin-phone', async (page) => {
      await loginThroughForm(page, s.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${s.baseUrl}/#/admin`);
      const tabs = page.locator('[data-testid^="admin-tab-"]');
      await tabs.first().waitFor();
      const names = await tabs.evaluateAll((els) => els.map((e) => e.dataset.testid));
      for (const id of names) {
        await page.getByTestId(id).click();
        await page.waitForTimeout(800);
        await assertAccessible(page, id);
        await assertNoHorizontalOverflow(page, id);
      }
      await screenshot(page, 'phone-admin');
    });
  });
});
