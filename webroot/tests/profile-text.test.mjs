import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeProfile, describeFeatures, joinWords } from '../lib/profile-text.js';

test('should describe a profile as sentences with what the numbers mean', () => {
  const s = describeProfile({
    topTags: [{ name: 'electronic', weight: 3 }, { name: 'ambient', weight: 1 }],
    topArtists: [{ name: 'Anamanaguchi', count: 0, weight: 0.5 }, { name: 'Boards', count: 4 }],
    counts: { play: 22, like: 1, skip: 3 },
    moodCentre: { valence: 0.7, energy: 0.2 },
  });
  assert.equal(s[0], 'You mostly listen to electronic (75% of your taste) and ambient (25% of your taste).');
  assert.equal(s[1], 'Your favourite artists are Anamanaguchi and Boards (4 plays).');
  assert.equal(s[2], 'So far you have played 22 tracks, liked 1 track and skipped 3 tracks.');
  assert.match(s[3], /calm and bright, happy-sounding/);
});

test('should say nothing for an empty profile and count tracks for the SQL fallback shape', () => {
  assert.deepEqual(describeProfile({}), []);
  assert.equal(describeProfile({ topTags: [{ name: 'jazz', count: 2 }] })[0], 'You mostly listen to jazz (2 tracks).');
});

test('should explain features in words and mark estimates', () => {
  const d = describeFeatures({ features: { energy: 0.9, valence: 0.1, tempo: 140, estimated: true } });
  assert.equal(d.estimated, true);
  assert.match(d.sentences[0], /loud and energetic \(energy 90%\)/);
  assert.match(d.sentences[2], /140 beats per minute \(fast\)/);
  assert.equal(describeFeatures({ features: {} }).sentences.length, 0);
  assert.equal(joinWords(['a', 'b', 'c']), 'a, b and c');
});
