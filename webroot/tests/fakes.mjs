// Minimal browser globals for testing DOM-free modules under node:test.

export class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
  clear() { this.map.clear(); }
}

export class FakeWebSocket extends EventTarget {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static instances = [];

  constructor(url) {
    super();
    this.url = url;
    this.readyState = FakeWebSocket.CONNECTING;
    this.sent = [];
    FakeWebSocket.instances.push(this);
  }

  send(data) { this.sent.push(JSON.parse(data)); }

  close(code = 1000) { this.serverClose(code); }

  // test helpers
  serverOpen() {
    this.readyState = FakeWebSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  serverSend(frame) {
    const e = new Event('message');
    e.data = JSON.stringify(frame);
    this.dispatchEvent(e);
  }

  serverClose(code, reason = '') {
    if (this.readyState === FakeWebSocket.CLOSED) return;
    this.readyState = FakeWebSocket.CLOSED;
    const e = new Event('close');
    e.code = code;
    e.reason = reason;
    this.dispatchEvent(e);
  }
}

/** Installs the globals the app's modules touch; call before importing them. */
export function installBrowserGlobals() {
  globalThis.sessionStorage = new MemoryStorage();
  globalThis.localStorage = new MemoryStorage();
  globalThis.location = { protocol: 'http:', host: 'localhost:8080', origin: 'http://localhost:8080', hash: '' };
  globalThis.WebSocket = FakeWebSocket;
}
