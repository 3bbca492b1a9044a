// The signed-in user's change stream (GET /api/me/stream, server-sent events read with fetch so the
// bearer header goes along): a role granted or removed by an admin reaches the page at once, a disabled
// account or an ended session signs the page out with the reason. One tab holds the stream (a Web Lock);
// the others follow through the shared session in localStorage. Reconnects with backoff.
import * as session from '../session.js';

const LOCK = 'tunesmith.user-stream';
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

/** Parses "event: x\ndata: {...}" blocks out of a text buffer; returns [events, rest]. */
export function parseEvents(buffer) {
  const out = [];
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (!data.length) continue; // a keep-alive comment
    try {
      out.push({ name, data: JSON.parse(data.join('\n')) });
    } catch {
      // not JSON: skip
    }
  }
  return [out, rest];
}

/** Reads one stream until it ends; resolves with 'ended' or 'revoked'. */
async function follow(token, signal, onUser) {
  const res = await fetch('/api/me/stream', { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal });
  if (res.status === 401) return 'unauthorized';
  if (res.status === 403) return 'disabled';
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return 'ended';
    buffer += value;
    const [events, rest] = parseEvents(buffer);
    buffer = rest;
    for (const e of events) {
      if (e.name === 'user') onUser(e.data);
      if (e.name === 'revoked') return e.data?.error?.code === 'account_disabled' ? 'disabled' : 'unauthorized';
    }
  }
}

async function runWhileLeader() {
  let attempt = 0;
  let controller = null;
  let wake = null;
  let following = null;
  const off = session.onChange(() => {
    // a new login (or a logout) restarts the stream with the new token; a user update changes nothing here
    if (session.token() === following) return;
    controller?.abort();
    wake?.();
  });
  try {
    for (;;) {
      const token = session.token();
      if (!token) {
        await new Promise((ok) => { wake = ok; });
        continue;
      }
      controller = new AbortController();
      following = token;
      let outcome;
      try {
        outcome = await follow(token, controller.signal, (u) => {
          attempt = 0;
          if (session.token() !== token) return;
          const before = JSON.stringify(session.roles());
          if (JSON.stringify(u.roles ?? []) !== before || session.user()?.username !== u.username) {
            session.updateUser({ id: u.id, username: u.username, roles: u.roles });
          }
        });
      } catch (e) {
        outcome = controller.signal.aborted ? 'aborted' : 'error';
      }
      if (session.token() === token && (outcome === 'disabled' || outcome === 'unauthorized')) {
        session.clear(outcome);
        continue;
      }
      if (outcome === 'aborted' && session.token() !== token) continue; // session changed: reconnect at once
      attempt += 1;
      const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (attempt - 1));
      await new Promise((ok) => {
        wake = ok;
        setTimeout(ok, Math.round(base / 2 + Math.random() * base / 2));
      });
    }
  } finally {
    off();
  }
}

/** Starts following the user's changes (once per page). */
export function startUserStream() {
  if (typeof fetch !== 'function' || typeof TextDecoderStream !== 'function') return;
  if (navigator.locks?.request) navigator.locks.request(LOCK, () => runWhileLeader());
  else runWhileLeader();
}
