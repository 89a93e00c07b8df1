import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FINDINGS_PER_RULE } from '../../../core/lint/engine.js';
import { crossOf, lintParts } from './helpers.js';

const RULE = 'cross/number-conflict';
const expiry = (minutes: number) => `When the user signs in, the login token expires after ${minutes} minutes.`;

test('a spec-level rule lists at most 50 findings, then one "… and N more" with the exact rest', () => {
  // 14 criteria with 14 different expiries: every pair conflicts, 91 pairs in all.
  const count = 14;
  const pairs = (count * (count - 1)) / 2;
  const found = crossOf(lintParts({ acs: Array.from({ length: count }, (_, i) => expiry(i + 1)) }), RULE);
  assert.equal(found.length, MAX_FINDINGS_PER_RULE + 1);
  const summary = found.at(-1)!;
  assert.equal(summary.message, `… and ${pairs - MAX_FINDINGS_PER_RULE} more conflicting numbers findings (only the first ${MAX_FINDINGS_PER_RULE} are listed).`);
  assert.equal(summary.severity, 'error');
  assert.equal(summary.places.length, 1, 'the summary points at the first finding it stands for');
  assert.ok(found.slice(0, -1).every((f) => !f.message.startsWith('…')));
});

test('under the cap nothing is summarised', () => {
  const found = crossOf(lintParts({ acs: [expiry(10), expiry(15), expiry(20)] }), RULE);
  assert.equal(found.length, 3);
  assert.ok(found.every((f) => f.message.startsWith('Conflicting expiry')));
});

test('a quadratic rule stops being counted past 10,000 more: 800 criteria lint in bounded work', () => {
  const started = performance.now();
  const found = crossOf(lintParts({ acs: Array.from({ length: 800 }, (_, i) => expiry((i % 97) + 1)) }), RULE);
  assert.equal(found.length, MAX_FINDINGS_PER_RULE + 1);
  assert.match(found.at(-1)!.message, /^… and more than 10,000 more conflicting numbers findings/);
  // No timing assertion (shared machines); the figure is printed for the record.
  console.log(`lint of 800 conflicting criteria: ${Math.round(performance.now() - started)} ms`);
});
