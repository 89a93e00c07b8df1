import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FindingDraft, Severity } from '../../../core/review/finding.js';
import { toFinding } from '../../../core/review/identity.js';
import { mergeDuplicates, mergeFindingEntries } from '../../../core/review/merge.js';

const draft = (over: Partial<FindingDraft> = {}): FindingDraft => ({
  section: 'functional',
  quote: 'Links expire quickly.',
  problem: 'No expiry time.',
  whyAnAgentWouldGuess: 'It will pick one.',
  suggestion: 'Say 15 minutes.',
  severity: 'medium',
  ...over,
});

describe('mergeFindingEntries (the one merge the CLI and the Review panel share)', () => {
  it('keeps the first entry and its meta, and the worse severity whichever pass comes first', () => {
    for (const [first, second] of [['low', 'high'], ['high', 'low'], ['medium', 'high']] as Array<[Severity, Severity]>) {
      const merged = mergeFindingEntries([
        { finding: toFinding(draft({ severity: first }), 'principal-review'), meta: { runId: 'r1' } },
        { finding: toFinding(draft({ severity: second, quote: 'links  EXPIRE quickly.' }), 'edge-case-hunt'), meta: { runId: 'r2' } },
      ]);
      assert.equal(merged.length, 1);
      assert.deepEqual(merged[0].meta, { runId: 'r1' });
      assert.equal(merged[0].finding.severity, first === 'high' || second === 'high' ? 'high' : 'medium', `${first} then ${second}`);
      assert.equal(merged[0].finding.pass, 'principal-review');
      assert.deepEqual(merged[0].finding.alsoFrom, ['edge-case-hunt']);
    }
  });

  it('takes the first proposed text, unions the sources without the kept pass, and keeps order', () => {
    const a = toFinding(draft(), 'offline');
    const other = toFinding(draft({ problem: 'Who may use a link twice?' }), 'offline');
    const b = { ...toFinding(draft({ proposedText: 'Links expire after 15 minutes.' }), 'principal-review'), alsoFrom: ['offline', 'edge-case-hunt'] };
    const merged = mergeFindingEntries([a, other, b].map((finding, i) => ({ finding, meta: i })));
    assert.deepEqual(merged.map((e) => e.meta), [0, 1]);
    assert.equal(merged[0].finding.proposedText, 'Links expire after 15 minutes.');
    assert.deepEqual(merged[0].finding.alsoFrom, ['edge-case-hunt', 'principal-review']);
    assert.equal(merged[1].finding.alsoFrom, undefined);
  });

  it('never changes its input', () => {
    const a = toFinding(draft({ severity: 'low' }), 'x');
    const b = toFinding(draft({ severity: 'high' }), 'y');
    mergeFindingEntries([{ finding: a, meta: null }, { finding: b, meta: null }]);
    assert.equal(a.severity, 'low');
    assert.equal(a.alsoFrom, undefined);
  });

  it('mergeDuplicates gives the same findings as mergeFindingEntries', () => {
    const list = [toFinding(draft({ severity: 'low' }), 'x'), toFinding(draft({ severity: 'high' }), 'y'), toFinding(draft({ section: 'edgeCases' }), 'y')];
    assert.deepEqual(mergeDuplicates(list), mergeFindingEntries(list.map((finding) => ({ finding, meta: null }))).map((e) => e.finding));
  });
});
