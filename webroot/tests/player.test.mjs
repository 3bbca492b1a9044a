import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLibraryTrack, isSkip, sourceFor } from '../lib/player.js';

test('should ask the server for a signed stream URL for library tracks', async () => {
  const asked = [];
  const get = async (path) => { asked.push(path); return { url: '/api/tracks/7/stream?u=1&exp=9&sig=x' }; };
  assert.equal(await sourceFor({ id: 7, source: 'library' }, get), '/api/tracks/7/stream?u=1&exp=9&sig=x');
  assert.deepEqual(asked, ['/api/tracks/7/stream-url']);
});

test('should play other tracks from their url and give null without one', async () => {
  const get = async () => { throw new Error('not called'); };
  assert.equal(await sourceFor({ id: 1, source: 'demo', url: 'https://x/a.mp3' }, get), 'https://x/a.mp3');
  assert.equal(await sourceFor({ id: 2, source: 'demo' }, get), null);
  assert.equal(isLibraryTrack({ streamPath: '/api/tracks/3/stream' }), true);
});

test('should count leaving before 80 % as a skip', () => {
  assert.equal(isSkip(10, 200), true);
  assert.equal(isSkip(170, 200), false);
  assert.equal(isSkip(10, NaN), true);
  assert.equal(isSkip(45, undefined), false);
});
