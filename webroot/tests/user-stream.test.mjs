import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvents } from '../lib/user-stream.js';

test('should read named events with JSON data and keep an unfinished block for the next chunk', () => {
  const [events, rest] = parseEvents('event: user\ndata: {"id":4,"roles":["listener","creator"]}\n\n: keep-alive\n\nevent: revoked\ndata: {"error"');
  assert.deepEqual(events, [{ name: 'user', data: { id: 4, roles: ['listener', 'creator'] } }]);
  assert.equal(rest, 'event: revoked\ndata: {"error"');
  const [more] = parseEvents(`${rest}:{"code":"account_disabled"}}\n\n`);
  assert.deepEqual(more, [{ name: 'revoked', data: { error: { code: 'account_disabled' } } }]);
});

test('should skip keep-alive comments and data that is not JSON', () => {
  const [events, rest] = parseEvents(': keep-alive\n\nevent: user\ndata: not json\n\n');
  assert.deepEqual(events, []);
  assert.equal(rest, '');
});
