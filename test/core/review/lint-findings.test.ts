import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { LintReport } from '../../../core/lint/types.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { anchorFinding } from '../../../core/review/anchor.js';
import { lintReportToFindings } from '../../../core/review/offline/lint-findings.js';

const doc = parseSpec(readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8'));

function itemReport(id: string, findings: LintReport['items'][number]['findings']): LintReport['items'][number] {
  const index = doc.sections.findIndex((s) => s.items.some((i) => i.id === id));
  const item = doc.sections[index].items.find((i) => i.id === id)!;
  return { id, kind: item.kind, text: item.text, score: 50, findings, line: item.line, column: item.column, section: index, start: item.start, end: item.end };
}

describe('lint results as offline findings', () => {
  const fast = doc.sections.find((s) => s.key === 'nonFunctional')!.items[0].text.indexOf('fast');
  const nfr1 = itemReport('NFR-1', [
    { rule: 'nfr/vague-adjective', severity: 'error', message: '"fast" has no number.', start: fast, end: fast + 4, suggestion: 'Give a p99 in ms.' },
    { rule: 'nfr/style', severity: 'info', message: 'info only', start: 0, end: 3 },
  ]);
  const report: LintReport = {
    items: [nfr1],
    crossFindings: [
      { rule: 'cross/conflict', severity: 'warning', message: 'FR-3 says 15 minutes, AC-4 says 10.', places: [{ kind: 'item', id: 'AC-4', line: 1, column: 1 }] },
      { rule: 'cross/missing-section', severity: 'warning', message: 'No edge-case section.', places: [{ kind: 'section', key: 'edgeCases', heading: null, line: 1, column: 1 }] },
    ],
    readiness: {
      score: 10,
      breakdown: {
        binaryAcs: { points: 0, max: 1, binary: 0, total: 1 },
        frCoverage: { points: 0, max: 1, covered: 0, total: 1 },
        crossFindings: { points: 0, max: 1, errors: 0, warnings: 2 },
        sections: { points: 0, max: 1, filled: 0, expected: 6, missing: ['edgeCases'] },
      },
    },
    counts: { errors: 1, warnings: 2, infos: 1 },
  };

  it('maps errors to high and warnings to medium, leaves infos out, and marks them offline', () => {
    const findings = lintReportToFindings(doc, report);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [
      ['lint/nfr/vague-adjective', 'high'],
      ['lint/cross/conflict', 'medium'],
      ['lint/cross/missing-section', 'medium'],
    ]);
    assert.ok(findings.every((f) => f.offline === true && f.pass === 'offline'));
  });

  it('quotes the flagged words when they are unique in the section, so the highlight is precise', () => {
    const [vague, conflict, missing] = lintReportToFindings(doc, report);
    assert.equal(vague.quote, 'fast');
    assert.equal(vague.section, 'nonFunctional');
    const anchor = anchorFinding(doc, vague);
    assert.ok(anchor.status === 'anchored');
    assert.equal(doc.source.slice(anchor.start, anchor.end), 'fast');
    assert.equal(conflict.section, 'acceptance');
    assert.ok(conflict.quote.startsWith('Given a login link created more than 10 minutes ago'));
    assert.equal(missing.quote, '');
    assert.equal(missing.section, 'edgeCases');
  });
});
