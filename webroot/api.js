// fetch wrapper: JSON in/out, bearer token, error envelope -> ApiError, 401 -> back to login.
import * as session from './session.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code || `http_${status}`;
  }
}

function buildUrl(path, query) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

async function errorFrom(res) {
  let code = null;
  let message = null;
  try {
    const body = await res.json();
    code = body?.error?.code ?? null;
    message = body?.error?.message ?? null;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, code, message || `${res.status} ${res.statusText || 'error'}`);
}

/**
 * request('/api/tracks', {query: {q}}) -> parsed JSON (null for empty bodies).
 * Options: method, query, body (JSON-encoded), auth (default true), raw (return the Response),
 * signal, keep401 (do not redirect to login on 401, e.g. the login form itself).
 */
export async function request(path, { method = 'GET', query, body, auth = true, raw = false, signal, keep401 = false, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const t = auth ? session.token() : null;
  if (t) h.Authorization = `Bearer ${t}`;
  let res;
  try {
    res = await fetch(buildUrl(path, query), { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'Cannot reach the Tunesmith server.');
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && auth && !keep401) {
      session.clear('unauthorized');
    }
    if (res.status === 403 && err.code === 'account_disabled' && auth && !keep401) {
      session.clear('disabled');
    }
    throw err;
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const get = (path, query, opts) => request(path, { ...opts, query });
export const post = (path, body, opts) => request(path, { ...opts, method: 'POST', body });
export const patch = (path, body, opts) => request(path, { ...opts, method: 'PATCH', body });
export const del = (path, opts) => request(path, { ...opts, method: 'DELETE' });

function filenameFrom(res, fallback) {
  const cd = res.headers.get('Content-Disposition') || '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Fetches path with the bearer token and saves the body as a file. */
export async function download(path, query, fallbackName = 'download') {
  const res = await request(path, { query, raw: true, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = filenameFrom(res, fallbackName).replace(/[\\/]/g, '_');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
