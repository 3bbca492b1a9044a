import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePassword, validateUsername } from '../lib/validate.js';
import { rhymeLetters } from '../lib/lyrics.js';
import { artifactToCard, payloadArtifacts } from '../lib/payload.js';
import { estimatedKeys } from '../lib/features.js';
import { evalChartData } from '../lib/eval.js';
import { formatDuration, show, toDate } from '../lib/dom.js';

test('should accept usernames that match the contract and reject the rest', () => {
  for (const ok of ['abc', 'a_b.c-d', 'x'.repeat(32), 'user123']) assert.equal(validateUsername(ok), '', ok);
  for (const bad of ['', 'ab', 'x'.repeat(33), 'Upper', 'sp ace', 'ümlaut']) assert.notEqual(validateUsername(bad), '', bad);
});

test('should require passwords of at least 8 characters', () => {
  assert.notEqual(validatePassword('1234567'), '');
  assert.equal(validatePassword('12345678'), '');
});

test('should repeat a short rhyme scheme per stanza', () => {
  const rows = rhymeLetters('a\nb\nc\nd\n\ne\nf\ng\nh', 'AABB');
  assert.deepEqual(rows.map((r) => r.letter), ['A', 'A', 'B', 'B', null, 'A', 'A', 'B', 'B']);
});

test('should map a scheme as long as the poem line by line', () => {
  const rows = rhymeLetters('a\nb\n\nc\nd', 'ABCD');
  assert.deepEqual(rows.filter((r) => r.letter).map((r) => r.letter), ['A', 'B', 'C', 'D']);
});

test('should leave lines unmarked when there is no scheme', () => {
  assert.deepEqual(rhymeLetters('a\nb', undefined).map((r) => r.letter), [null, null]);
});

test('should find artifacts in object, JSON-string and list payloads', () => {
  assert.deepEqual(payloadArtifacts({ playlist: { id: 1 } }), [{ kind: 'playlist', value: { id: 1 } }]);
  assert.deepEqual(payloadArtifacts(JSON.stringify({ melody: { abc: 'X:1' } })), [{ kind: 'melody', value: { abc: 'X:1' } }]);
  assert.equal(payloadArtifacts([{ lyrics: { text: 'x' } }, { melody: { abc: 'y' } }]).length, 2);
  assert.deepEqual(payloadArtifacts('not json'), []);
  assert.deepEqual(payloadArtifacts(null), []);
});

test('should turn text and JSON artifacts into card objects', () => {
  assert.equal(artifactToCard({ kind: 'melody', title: 'T', content: 'X:1\nK:C\n' }).abc, 'X:1\nK:C\n');
  assert.equal(artifactToCard({ kind: 'lyrics', title: 'T', content: 'line one' }).text, 'line one');
  const parsed = artifactToCard({ kind: 'lyrics', title: 'T', content: '{"text":"a","scheme":"AA"}' });
  assert.equal(parsed.scheme, 'AA');
  assert.equal(parsed.title, 'T');
});

test('should read estimated-feature flags in several shapes', () => {
  assert.deepEqual([...estimatedKeys({ features: { estimated: ['valence'] } })], ['valence']);
  assert.equal(estimatedKeys({ featuresEstimated: true }).size, 5);
  assert.equal(estimatedKeys({ features: { valence: 0.2 } }).size, 0);
});

test('should build one bar series per scorer with null for missing metrics', () => {
  const data = evalChartData({ results: { scorers: { als: { ndcg10: 0.3 }, pop: { ndcg10: 0.1, novelty: 0.5 } } } });
  assert.deepEqual(data.series.map((s) => s.name), ['als', 'pop']);
  assert.equal(data.series[0].values[0], 0.3);
  assert.equal(data.series[0].values[4], null);
  assert.deepEqual(evalChartData({}).series, []);
});

test('should format missing values as a dash', () => {
  assert.equal(show(undefined), '—');
  assert.equal(show(null), '—');
  assert.equal(show(3), '3');
  assert.equal(formatDuration(125), '2:05');
  assert.equal(formatDuration(undefined), '—');
});

test('should parse ISO dates and epoch seconds or milliseconds', () => {
  assert.equal(toDate('2026-01-01T00:00:00Z').getTime(), Date.UTC(2026, 0, 1));
  assert.equal(toDate(1_700_000_000).getTime(), 1_700_000_000_000);
  assert.equal(toDate(1_700_000_000_000).getTime(), 1_700_000_000_000);
  assert.equal(toDate('nonsense'), null);
});
