// The app's one chat WebSocket (CONTRACT "WebSocket chat"), shared by #/chat and #/create.
// Emits an event per server frame type (ready, token, tool, playlist, lyrics, melody, done,
// error) with the frame as `detail`, plus `state` when the connection state changes.
import * as session from '../../session.js';

const MAX_QUEUE = 20;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 20_000;

export class ChatConnection extends EventTarget {
  constructor() {
    super();
    this.ws = null;
    this.state = 'idle'; // idle | connecting | authenticating | ready | reconnecting | closed
    this.mode = null;
    this.conversationId = null;
    this.busy = false;
    this.attempt = 0;
    this.queue = [];
    this.retryTimer = null;
    this.retryAt = null;
    this.wanted = false;
    this.lastClose = null;
  }

  url() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${proto}//${location.host}/ws/chat`;
  }

  /** Opens the socket if it is not open yet. Safe to call repeatedly. */
  connect() {
    this.wanted = true;
    if (this.ws && (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const token = session.token();
    if (!token) {
      this.setState('closed');
      return;
    }
    let ws;
    try {
      ws = new WebSocket(this.url());
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    this.setState('connecting');
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      this.setState('authenticating');
      ws.send(JSON.stringify({ type: 'auth', token }));
    });
    ws.addEventListener('message', (e) => this.onFrame(ws, e.data));
    ws.addEventListener('close', (e) => this.onClose(ws, e));
    ws.addEventListener('error', () => {
      // a close event follows; reconnect is handled there
    });
  }

  /** Closes for good (logout, expiry). */
  disconnect() {
    this.wanted = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.queue = [];
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'bye');
    this.busy = false;
    this.setState('idle');
  }

  /** Sends a chat turn; queued (bounded) until the socket is ready. */
  sendMessage(text, conversationId) {
    const frame = { type: 'message', text };
    if (conversationId) frame.conversationId = conversationId;
    this.busy = true;
    this.emit('busy', { busy: true });
    this.send(frame);
  }

  cancel() {
    this.send({ type: 'cancel' }, { queue: false });
  }

  /** Asks the server for a fresh conversation; it answers with a `conversation` frame naming it. */
  newConversation() {
    this.send({ type: 'new' });
  }

  send(frame, { queue = true } = {}) {
    if (this.state === 'ready' && this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(frame));
      return true;
    }
    if (queue) {
      if (this.queue.length >= MAX_QUEUE) this.queue.shift();
      this.queue.push(frame);
      this.connect();
    }
    return false;
  }

  onFrame(ws, data) {
    if (this.ws !== ws) return;
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || typeof frame.type !== 'string') return;
    if (frame.type === 'conversation') this.conversationId = frame.conversationId ?? null;
    if (frame.type === 'ready') {
      this.attempt = 0;
      this.mode = frame.mode ?? null;
      this.conversationId = frame.conversationId ?? null;
      this.setState('ready');
      const pending = this.queue.splice(0);
      for (const f of pending) ws.send(JSON.stringify(f));
    }
    if (frame.type === 'done' || (frame.type === 'error' && this.busy)) {
      this.busy = false;
      this.emit('busy', { busy: false });
    }
    this.emit(frame.type, frame);
    this.emit('frame', frame);
  }

  onClose(ws, e) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.lastClose = { code: e.code, reason: e.reason };
    if (this.busy) {
      this.busy = false;
      this.emit('busy', { busy: false });
      this.emit('error', { type: 'error', code: 'connection_lost', message: 'The connection dropped before the answer finished.' });
    }
    if (e.code === 4401 || e.code === 4403) {
      this.wanted = false;
      this.setState('closed');
      this.emit('auth-failed', { code: e.code });
      session.clear(e.code === 4403 ? 'disabled' : 'unauthorized');
      return;
    }
    if (!this.wanted || !session.isValid()) {
      this.setState('idle');
      return;
    }
    // 1008: rate limited -> wait longer before reconnecting.
    this.scheduleReconnect(e.code === 1008 ? 5 : 0);
  }

  scheduleReconnect(extraSteps = 0) {
    this.attempt += 1;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (this.attempt - 1 + extraSteps));
    const delay = Math.round(base / 2 + Math.random() * base / 2);
    this.retryAt = Date.now() + delay;
    this.setState('reconnecting');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** Reconnects now instead of waiting for the backoff. */
  retryNow() {
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', { state, mode: this.mode, retryAt: this.retryAt, close: this.lastClose });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** addEventListener for several types; returns one function that removes them all. */
  on(handlers) {
    for (const [type, fn] of Object.entries(handlers)) this.addEventListener(type, fn);
    return () => {
      for (const [type, fn] of Object.entries(handlers)) this.removeEventListener(type, fn);
    };
  }
}

export const chat = new ChatConnection();
