// A small REST client for set-up and for checking what the browser did, straight against the server.

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

/** A client bound to one server; `token` (optional) is sent as a bearer token. */
export function apiClient(baseUrl, token = null) {
  function send(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  }
  async function call(method, path, body, { expect } = {}) {
    const res = await send(method, path, body);
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    const ok = expect === undefined ? res.ok : res.status === expect;
    if (!ok) throw new HttpError(method, path, res.status, parsed);
    return parsed;
  }
  return {
    get: (path, opts) => call('GET', path, undefined, opts),
    post: (path, body, opts) => call('POST', path, body, opts),
    patch: (path, body, opts) => call('PATCH', path, body, opts),
    /** The raw status of a call, for authorisation checks. */
    status: async (method, path, body) => {
      const res = await send(method, path, body);
      await res.body?.cancel();
      return res.status;
    },
    withToken: (t) => apiClient(baseUrl, t),
  };
}

let counter = 0;

/** A username no earlier run used (the contract allows [a-z0-9_.-], 3–32). */
export function uniqueName(prefix) {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}${counter}`.slice(0, 32);
}

/** Registers a listener; returns {id, username, password}. */
export async function register(api, prefix) {
  const username = uniqueName(prefix);
  const password = `pw-${username}`;
  const user = await api.post('/api/auth/register', { username, password }, { expect: 201 });
  return { id: user.id, username, password };
}

/** Logs in; returns the login body {token, expiresAt, user}. */
export function login(api, username, password) {
  return api.post('/api/auth/login', { username, password }, { expect: 200 });
}
