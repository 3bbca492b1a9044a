// Debian's Chromium driven by playwright-core (never a downloaded browser), in a fresh profile.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './server.mjs';

export const CHROMIUM = process.env.TUNESMITH_E2E_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'target/screenshots');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

/**
 * Launches Chromium with a temporary --user-data-dir (Playwright passes it for a persistent
 * context). Pages share localStorage (and so the session, as tabs do); tests log in through
 * openLogin, which clears it first.
 * Resolves to {context, newPage(), close()}; close() also removes the profile.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'tunesmith-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'UTC',
      timeout: 60_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  context.setDefaultTimeout(15_000);
  // The first page of a persistent context is opened by Chromium itself; tests open their own.
  for (const p of context.pages()) await p.close();
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** Full-page screenshot at target/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
