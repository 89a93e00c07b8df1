import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runTarget, type FuzzTarget } from './harness.js';

/** Seconds per target inside `npm test`: bounded, a few seconds each. */
export const IN_TEST_SECONDS = 3;

/** A node:test case that fuzzes `target` at test scale for a few seconds and expects no failure. */
export function fuzzTest(target: FuzzTarget): void {
  test(`fuzz: ${target.name} survives random and adversarial input`, { timeout: 120_000 }, async () => {
    const report = await runTarget(target, { seconds: IN_TEST_SECONDS, scale: 'test' });
    assert.deepEqual(report.failures, [], `seed ${report.seed}`);
    assert.ok(report.cases > 0, 'at least one case ran');
  });
}
