import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importOutcome } from '../lib/import-outcome.js';

test('should call an import with rejected rows amber, one with none written red, a clean one green', () => {
  assert.deepEqual(importOutcome({ state: 'succeeded', result: { read: 10, written: 8, rejectedCount: 2 } }),
    { tone: 'warn', text: 'Done with 2 rejected rows: 8 written of 10 read.' });
  assert.equal(importOutcome({ state: 'succeeded', result: { read: 3, written: 0, rejectedCount: 3 } }).tone, 'danger');
  assert.equal(importOutcome({ state: 'succeeded', result: { read: 3, written: 3, rejectedCount: 0 } }).tone, 'ok');
  assert.deepEqual(importOutcome({ state: 'failed', message: 'no such file or folder: /x' }), { tone: 'danger', text: 'Failed: no such file or folder: /x' });
  assert.equal(importOutcome({ state: 'running', progress: 0.5 }).text, 'Running: 50 %');
});
