import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureOrigin, ESTIMATE_TITLE } from '../lib/features.js';

test('should mark genre-estimated features with a badge that explains where they come from', () => {
  // a freemusi.cc track: features from its genre's Spotify means
  const o = featureOrigin({ id: 7, title: 'Night Drive', features: { valence: 0.41, energy: 0.62, tempo: 118, estimated: true } });
  assert.equal(o.estimated, true);
  assert.equal(o.text, '≈ estimated');
  assert.equal(o.title, ESTIMATE_TITLE);
  assert.match(o.title, /genre/);
  assert.match(o.title, /not from measuring this recording/);
});

test('should not mark measured features (a Spotify import or our own analysis) as estimated', () => {
  const imported = featureOrigin({ features: { valence: 0.8, energy: 0.7, danceability: 0.66, estimated: false } });
  assert.equal(imported.estimated, false);
  assert.equal(imported.text, 'measured');
  const analysed = featureOrigin({ source: 'library', features: { tempo: 121, energy: 0.5, key: 'A minor', loudness: -14, estimated: false } });
  assert.equal(analysed.estimated, false);
});

test('should say nothing about a track without features and name the estimated ones when only some are', () => {
  assert.equal(featureOrigin({ features: {} }), null);
  assert.equal(featureOrigin({}), null);
  assert.equal(featureOrigin({ features: { estimated: true } }), null);
  const some = featureOrigin({ features: { valence: 0.3, energy: 0.2, tempo: 90, estimated: ['valence', 'energy'] } });
  assert.equal(some.estimated, true);
  assert.match(some.title, /Estimated here: valence, energy\./);
});
