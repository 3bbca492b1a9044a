// One e2e session: the server and the browser, started once for all tests of a file and always
// torn down; `onPage` gives each test a page of its own and keeps a screenshot when it fails.
import { screenshot, launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';
import { apiClient } from './api.mjs';

/** Starts the server, then Chromium; on a failed browser start the server is stopped again. */
export async function startSession() {
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    browser,
    baseUrl: server.baseUrl,
    api: apiClient(server.baseUrl),
    async close() {
      try {
        await browser.close();
      } finally {
        await server.stop();
      }
    },
  };
}

/**
 * Runs fn(page) on a fresh page. Uncaught errors in the page fail the test; on any failure a
 * screenshot `<name>-failed.png` is kept. The page is closed in every case.
 */
export async function onPage(session, name, fn) {
  const page = await session.browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  try {
    const result = await fn(page);
    if (pageErrors.length) throw new Error(`uncaught error in the page: ${pageErrors.map((e) => e.stack ?? e.message).join('\n')}`);
    return result;
  } catch (e) {
    await screenshot(page, `${name}-failed`).catch(() => {});
    throw e;
  } finally {
    await page.close().catch(() => {});
  }
}
