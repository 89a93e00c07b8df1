import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, FindingDraft } from '../../../core/review/finding.js';
import { toFinding } from '../../../core/review/identity.js';
import { mergeDuplicates } from '../../../core/review/merge.js';
import { compareVersions } from '../../../core/review/version-status.js';

const draft = (over: Partial<FindingDraft>): FindingDraft => ({
  section: 'functional',
  quote: 'The endpoint should be fast.',
  problem: 'No latency budget.',
  whyAnAgentWouldGuess: 'It will pick one.',
  suggestion: 'Give a p99.',
  severity: 'medium',
  ...over,
});

describe('mergeDuplicates', () => {
  it('merges the same quote and problem across passes, keeping the worse severity and the sources', () => {
    const a = toFinding(draft({}), 'edge-case-hunt');
    const b = toFinding(draft({ quote: 'the endpoint  should be FAST.', problem: 'no latency budget.', severity: 'high', proposedText: 'p99 < 200 ms.' }), 'principal-review');
    const c = toFinding(draft({ problem: 'Fast for whom?' }), 'principal-review');
    const merged = mergeDuplicates([a, b, c]);
    assert.equal(merged.length, 2);
    assert.equal(merged[0].id, a.id);
    assert.equal(merged[0].severity, 'high');
    assert.deepEqual(merged[0].alsoFrom, ['principal-review']);
    assert.equal(merged[0].proposedText, 'p99 < 200 ms.');
    assert.equal(merged[1].id, c.id);
    // The inputs are not modified.
    assert.equal(a.severity, 'medium');
  });

  it('keeps findings with the same quote but a different section apart', () => {
    const merged = mergeDuplicates([toFinding(draft({}), 'x'), toFinding(draft({ section: 'nonFunctional' }), 'x')]);
    assert.equal(merged.length, 2);
  });
});

describe('compareVersions', () => {
  it('labels persisting (same id or same quote), new, and resolved', () => {
    const before: Finding[] = [
      toFinding(draft({}), 'p'),
      toFinding(draft({ quote: 'Tokens must be secure.', problem: 'No algorithm.' }), 'p'),
      toFinding(draft({ quote: 'Log the important events.', problem: 'Which events?' }), 'p'),
    ];
    const after: Finding[] = [
      toFinding(draft({}), 'p'),
      toFinding(draft({ quote: 'Tokens must be secure.', problem: 'The token length is not given.' }), 'p'),
      toFinding(draft({ quote: 'It should redirect.', problem: 'Where to?' }), 'p'),
    ];
    const result = compareVersions(before, after);
    assert.deepEqual(result.current.map((c) => c.label), ['persisting', 'persisting', 'new']);
    assert.deepEqual(result.resolved.map((f) => f.quote), ['Log the important events.']);
  });

  it('treats everything as new without a previous run', () => {
    const result = compareVersions([], [toFinding(draft({}), 'p')]);
    assert.deepEqual(result.current.map((c) => c.label), ['new']);
    assert.deepEqual(result.resolved, []);
  });
});
