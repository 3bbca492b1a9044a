import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';
import { FakeWebSocket, installBrowserGlobals } from './fakes.mjs';

installBrowserGlobals();
const session = await import('../session.js');
const { ChatConnection } = await import('../components/chat-client/chat-connection.js');

let chat;
const last = () => FakeWebSocket.instances[FakeWebSocket.instances.length - 1];

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout'] });
  FakeWebSocket.instances.length = 0;
  session.save({ token: 'jwt', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: {} });
  chat = new ChatConnection();
});

afterEach(() => {
  chat.disconnect();
  mock.timers.reset();
});

test('should authenticate with the first frame on the same-origin ws URL', () => {
  chat.connect();
  const ws = last();
  assert.equal(ws.url, 'ws://localhost:8080/ws/chat');
  ws.serverOpen();
  assert.deepEqual(ws.sent, [{ type: 'auth', token: 'jwt' }]);
});

test('should queue messages until ready and expose the mode', () => {
  chat.connect();
  const ws = last();
  chat.sendMessage('hello', 'c1');
  ws.serverOpen();
  assert.equal(ws.sent.length, 1);
  ws.serverSend({ type: 'ready', conversationId: 'c0', mode: 'offline' });
  assert.equal(chat.state, 'ready');
  assert.equal(chat.mode, 'offline');
  assert.deepEqual(ws.sent[1], { type: 'message', text: 'hello', conversationId: 'c1' });
});

test('should re-emit streamed frames and clear busy on done', () => {
  chat.connect();
  const ws = last();
  ws.serverOpen();
  ws.serverSend({ type: 'ready', mode: 'llm' });
  const tokens = [];
  chat.addEventListener('token', (e) => tokens.push(e.detail.text));
  chat.sendMessage('hi');
  assert.equal(chat.busy, true);
  ws.serverSend({ type: 'token', text: 'Hel' });
  ws.serverSend({ type: 'token', text: 'lo' });
  ws.serverSend({ type: 'done', messageId: 'm1' });
  assert.deepEqual(tokens, ['Hel', 'lo']);
  assert.equal(chat.busy, false);
  chat.cancel();
  assert.deepEqual(ws.sent.at(-1), { type: 'cancel' });
});

test('should reconnect with growing backoff after an abnormal close', () => {
  chat.connect();
  last().serverOpen();
  last().serverClose(1006);
  assert.equal(chat.state, 'reconnecting');
  assert.equal(FakeWebSocket.instances.length, 1);
  mock.timers.tick(500);
  assert.equal(FakeWebSocket.instances.length, 2);
  last().serverClose(1006);
  mock.timers.tick(500);
  assert.equal(FakeWebSocket.instances.length, 2, 'second delay is longer than the first');
  mock.timers.tick(600);
  assert.equal(FakeWebSocket.instances.length, 3);
});

test('should not reconnect after 4401 and should end the session', () => {
  chat.connect();
  last().serverOpen();
  last().serverClose(4401);
  mock.timers.tick(60_000);
  assert.equal(FakeWebSocket.instances.length, 1);
  assert.equal(chat.state, 'closed');
  assert.equal(session.token(), null);
});

test('should not reconnect after 4403 (disabled user)', () => {
  chat.connect();
  last().serverOpen();
  last().serverClose(4403);
  mock.timers.tick(60_000);
  assert.equal(FakeWebSocket.instances.length, 1);
});

test('should report a dropped turn as an error', () => {
  chat.connect();
  last().serverOpen();
  last().serverSend({ type: 'ready' });
  const errors = [];
  chat.addEventListener('error', (e) => errors.push(e.detail.code));
  chat.sendMessage('hi');
  last().serverClose(1006);
  assert.deepEqual(errors, ['connection_lost']);
  assert.equal(chat.busy, false);
});
