import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FINDINGS_PER_RULE } from '../../../core/lint/engine.js';
import { crossOf, lintParts } from './helpers.js';

const RULE = 'cross/number-conflict';
const expiry = (minutes: number) => `When the user signs in, the login token expires after ${minutes} minutes.`;
/** Two criteria that disagree about a quantity no other pair mentions: one conflict group each. */
const conflictPair = (i: number) => [`Each q${i}x expires after 10 minutes.`, `Each q${i}x expires after 20 minutes.`];

test('a spec-level rule lists at most 50 findings, then one "… and N more" with the exact rest', () => {
  // 64 separate conflicts (FR-9: one finding per conflicting value group, so 64 findings).
  const groups = 64;
  const found = crossOf(lintParts({ acs: Array.from({ length: groups }, (_, i) => conflictPair(i)).flat() }), RULE);
  assert.equal(found.length, MAX_FINDINGS_PER_RULE + 1);
  const summary = found.at(-1)!;
  assert.equal(summary.message, `… and ${groups - MAX_FINDINGS_PER_RULE} more conflicting numbers findings (only the first ${MAX_FINDINGS_PER_RULE} are listed).`);
  assert.equal(summary.severity, 'error');
  assert.equal(summary.places.length, 1, 'the summary points at the first finding it stands for');
  assert.ok(found.slice(0, -1).every((f) => !f.message.startsWith('…')));
});

test('under the cap nothing is summarised', () => {
  const found = crossOf(lintParts({ acs: [...conflictPair(1), ...conflictPair(2), ...conflictPair(3)] }), RULE);
  assert.equal(found.length, 3);
  assert.ok(found.every((f) => f.message.startsWith('Conflicting expiry')));
});

test('FR-9: one conflicting value group is one finding, however many criteria state it', () => {
  // Before FR-9 every conflicting pair was a finding: 800 criteria with 97 values gave > 10,000.
  const started = performance.now();
  const found = crossOf(lintParts({ acs: Array.from({ length: 800 }, (_, i) => expiry((i % 97) + 1)) }), RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^Conflicting expiry: AC-1, AC-98, AC-195, AC-292, AC-389 and 4 more say "1 minutes"/);
  assert.match(found[0].message, /and 89 more values\.$/);
  assert.equal(found[0].places.length, 20, 'places are capped');
  // No timing assertion (shared machines); the figure is printed for the record.
  console.log(`lint of 800 conflicting criteria: ${Math.round(performance.now() - started)} ms`);
});
