// Page-level steps in the SPA, by data-testid: the login form, the session token, the chat.

const SESSION_KEY = 'tunesmith.session';

/**
 * Opens the app on its login form. The session lives in localStorage, shared by every page of the
 * browser (that is how tabs share it), so the previous test's session is removed first.
 */
export async function openLogin(page, baseUrl) {
  await page.goto(`${baseUrl}/health`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${baseUrl}/#/login`);
  await page.getByTestId('login-form').waitFor();
}

async function fillAndSubmit(page, username, password) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signed in means: the login view is gone (the shell routes on from #/login) and the header names
 * the user. Waiting for both matters: the header can show the user while the login view is still
 * mounted, and logging out in that moment brings back the same (register-mode) form.
 */
async function signedInAs(page, username) {
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.locator('ts-login-view').waitFor({ state: 'detached' });
  const who = page.getByTestId('current-user');
  await who.waitFor();
  const shown = (await who.textContent())?.trim();
  if (shown !== username) throw new Error(`header shows user "${shown}", expected "${username}"`);
}

/** Logs in through the form. */
export async function loginThroughForm(page, baseUrl, username, password) {
  await openLogin(page, baseUrl);
  await fillAndSubmit(page, username, password);
  await signedInAs(page, username);
}

/** Creates an account through the form (the app logs the new user in right after). */
export async function registerThroughForm(page, baseUrl, username, password) {
  await openLogin(page, baseUrl);
  await page.getByTestId('login-toggle').click();
  await page.getByTestId('login-submit').filter({ hasText: 'Create account' }).waitFor();
  await fillAndSubmit(page, username, password);
  await signedInAs(page, username);
}

export async function logout(page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

/** The stored session ({token, expiresAt, user}) from localStorage. */
export async function storedSession(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
  if (!raw) throw new Error(`no ${SESSION_KEY} in localStorage`);
  return JSON.parse(raw);
}

/** The JWT the page uses, taken from localStorage. */
export async function tokenFrom(page) {
  return (await storedSession(page)).token;
}

/** Goes to a hash route through the navigation bar. */
export async function navigateTo(page, route) {
  await page.getByTestId(`nav-${route}`).click();
  await page.waitForURL((url) => url.hash.startsWith(`#/${route}`));
}

/**
 * Records the server→client frames of the chat socket, in arrival order, with the time each came.
 * Call before the page opens the socket. Returns {frames, waitFor(predicate, timeoutMs)}.
 */
export function recordChatFrames(page) {
  const frames = [];
  const waiters = [];
  page.on('websocket', (ws) => {
    if (!ws.url().endsWith('/ws/chat')) return;
    ws.on('framereceived', ({ payload }) => {
      let frame;
      try {
        frame = JSON.parse(String(payload));
      } catch {
        return;
      }
      frame.receivedAt = Date.now();
      frames.push(frame);
      for (const w of [...waiters]) {
        if (w.predicate(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          clearTimeout(w.timer);
          w.resolve(frame);
        }
      }
    });
  });
  return {
    frames,
    /** Resolves with the first frame (already received or still to come) matching predicate. */
    waitFor(predicate, timeoutMs = 60_000, from = 0) {
      const seen = frames.slice(from).find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no chat frame matched within ${timeoutMs} ms; frames so far: ${frames.map((f) => f.type).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
  };
}

/** Opens #/chat and waits until the socket says ready. */
export async function openChat(page) {
  await navigateTo(page, 'chat');
  await page.locator('[data-testid="chat-status"][data-state="ready"]').waitFor({ timeout: 20_000 });
}

/** Types a message in the composer and sends it; returns the assistant message that answers it. */
export async function sendChat(page, text) {
  const before = await page.getByTestId('chat-message-assistant').count();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click();
  const answer = page.getByTestId('chat-message-assistant').nth(before);
  await answer.waitFor();
  return answer;
}

/** Waits until the current turn is over (the send button is enabled again). */
export async function waitForTurnEnd(page, timeoutMs = 60_000) {
  await page.locator('[data-testid="chat-send"]:not([disabled])').waitFor({ timeout: timeoutMs });
}

/** Polls fn until it returns a truthy value; rejects with `what` after timeoutMs. */
export async function eventually(fn, what, { timeoutMs = 15_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
