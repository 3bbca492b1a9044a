// One e2e session: the server and the browser, started once for all tests of a file and always
// torn down; `onPage` gives each test a page of its own and keeps a screenshot when it fails.
import { rmSync } from 'node:fs';
import { launchBrowser, screenshot, SCREENSHOTS } from './browser.mjs';
import { ADMIN_PASSWORD, startServer } from './server.mjs';
import { apiClient, login, register } from './api.mjs';

/**
 * Starts the server, then Chromium; on a failed browser start the server is stopped again.
 * target/screenshots/ is emptied first, so it holds this run's pictures only.
 */
export async function startSession() {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const api = apiClient(server.baseUrl);
  return {
    server,
    browser,
    baseUrl: server.baseUrl,
    api,
    /** Registers a listener through the API and logs them in; returns {id, username, password, token, api}. */
    async listener(prefix) {
      const user = await register(api, prefix);
      const { token } = await login(api, user.username, user.password);
      return { ...user, token, api: api.withToken(token) };
    },
    /** An API client logged in as the bootstrap admin. */
    async adminApi() {
      const { token } = await login(api, 'admin', ADMIN_PASSWORD);
      return api.withToken(token);
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await server.stop();
      }
    },
  };
}

/** Where the page shows a value the SPA stringified by mistake ("[object Object]"), by data-testid path. */
function rawObjectsShown(page) {
  return page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.includes('[object Object]')) continue;
      const path = [];
      for (let el = n.parentElement; el; el = el.parentElement) {
        if (el.dataset?.testid) path.unshift(el.dataset.testid);
      }
      const label = n.parentElement?.closest('div')?.querySelector('dt')?.textContent;
      found.push(`${path.join(' > ') || n.parentElement?.localName}${label ? ` (${label})` : ''}`);
    }
    return [...new Set(found)];
  });
}

/**
 * Runs fn(page) on a fresh page. Uncaught errors in the page and "[object Object]" on screen fail
 * the test; on any failure a screenshot `<name>-failed.png` is kept. The page is closed in every case.
 */
export async function onPage(session, name, fn) {
  const page = await session.browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  try {
    const result = await fn(page);
    if (pageErrors.length) throw new Error(`uncaught error in the page: ${pageErrors.map((e) => e.stack ?? e.message).join('\n')}`);
    const raw = await rawObjectsShown(page);
    if (raw.length) throw new Error(`the page shows "[object Object]" in: ${raw.join('; ')}`);
    return result;
  } catch (e) {
    await screenshot(page, `${name}-failed`).catch(() => {});
    throw e;
  } finally {
    await page.close().catch(() => {});
  }
}
