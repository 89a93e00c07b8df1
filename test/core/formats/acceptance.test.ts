import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintSpec } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { serializeSpec } from '../../../core/markdown/serialize.js';
import { canonicalKind, summarizeSpec } from '../../../core/spec/summary.js';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/formats/${path}/input.md`, import.meta.url), 'utf8');
const allItems = (text: string) => parseSpec(text).sections.flatMap((s) => s.items);

describe('issue 11 acceptance criteria', () => {
  it('AC-1: spec-kit with 3 stories (2, 3, 4 scenarios), FR-001..FR-009, SC-001..SC-004 → 9 FRs, 4 SCs, 9 scenarios, each linted', () => {
    const source = fixture('speckit/three-stories');
    const doc = parseSpec(source);
    assert.equal(doc.template, 'speckit');
    const items = doc.sections.flatMap((s) => s.items);
    const of = (kind: string) => items.filter((i) => canonicalKind(i) === kind).map((i) => i.id);
    assert.deepEqual(of('requirement'), ['FR-001', 'FR-002', 'FR-003', 'FR-004', 'FR-005', 'FR-006', 'FR-007', 'FR-008', 'FR-009']);
    assert.deepEqual(of('success-criterion'), ['SC-001', 'SC-002', 'SC-003', 'SC-004']);
    assert.deepEqual(of('scenario'), ['US1-AS1', 'US1-AS2', 'US2-AS1', 'US2-AS2', 'US2-AS3', 'US3-AS1', 'US3-AS2', 'US3-AS3', 'US3-AS4']);
    const scenario = items.find((i) => i.id === 'US2-AS3')!;
    assert.equal(scenario.parent, 'US2');
    assert.equal(scenario.style, 'gwt');
    assert.match(scenario.text, /^\*\*Given\*\* an invitation older than 7 days/);
    const report = lintSpec(doc);
    for (const id of of('scenario')) {
      const linted = report.items.find((r) => r.id === id);
      assert.ok(linted && typeof linted.binary === 'boolean', `${id} has a verdict`);
    }
    assert.equal(serializeSpec(doc), source);
  });

  it('AC-2: Kiro, 4 requirements × 5 EARS criteria in 1. / 1.1. / a) numbering → R1.1…R4.5, no FR-without-id finding', () => {
    const doc = parseSpec(fixture('kiro/four-requirements'));
    assert.equal(doc.template, 'kiro-requirements');
    const items = doc.sections.flatMap((s) => s.items);
    assert.deepEqual(items.filter((i) => i.role === 'requirement').map((i) => i.id), ['R1', 'R2', 'R3', 'R4']);
    const criteria = items.filter((i) => i.role === 'criterion');
    const expected = [1, 2, 3, 4].flatMap((r) => [1, 2, 3, 4, 5].map((c) => `R${r}.${c}`));
    assert.deepEqual(criteria.map((i) => i.id), expected);
    assert.ok(criteria.every((c) => c.style === 'ears' && c.parent === c.id.split('.')[0] && c.derived));
    assert.equal(items.find((i) => i.id === 'R3.2')!.text.startsWith('WHEN a book is scheduled THEN'), true);
    assert.equal(items.find((i) => i.id === 'R4.1')!.text.startsWith('WHEN a member rates a read book'), true);
    const report = lintSpec(doc);
    assert.deepEqual(report.crossFindings.filter((f) => f.rule === 'fr/id'), []);
    assert.equal(report.items.filter((i) => i.kind === 'ac').length, 20);
    // Readiness counts what Kiro promises: no edge-case table, every requirement covered by its own criteria.
    assert.deepEqual(report.readiness.breakdown.sections.missing, []);
    assert.equal(report.readiness.breakdown.frCoverage.covered, 4);
  });

  it('AC-3: OpenSpec with 3 requirements and 7 scenarios → 3 requirements and 7 criteria; a delta reports ADDED / MODIFIED / REMOVED', () => {
    const items = allItems(fixture('openspec/three-requirements'));
    assert.deepEqual(items.filter((i) => i.role === 'requirement').map((i) => i.id), ['tracking-lookup', 'delivery-notifications', 'proof-of-delivery']);
    const scenarios = items.filter((i) => i.role === 'scenario');
    assert.equal(scenarios.length, 7);
    assert.equal(scenarios[0].id, 'tracking-lookup/known-code');
    assert.equal(scenarios[0].parent, 'tracking-lookup');
    assert.equal(scenarios[0].text, '**WHEN** a customer enters the code `PT-1234-AB`\n- **THEN** the page shows the status "In transit" and the last scan location');
    assert.ok(scenarios.every((s) => s.kind === 'ac'), 'each scenario is linted as one criterion');

    const delta = summarizeSpec(parseSpec(fixture('openspec-delta/add-modify-remove')));
    assert.equal(delta.format, 'openspec-delta');
    const byDelta = (op: string) => delta.sections.flatMap((s) => s.items).filter((i) => i.delta === op && i.kind === 'requirement').map((i) => i.id);
    assert.deepEqual(byDelta('added'), ['parcel-hold']);
    assert.deepEqual(byDelta('modified'), ['delivery-notifications']);
    assert.deepEqual(byDelta('removed'), ['fax-confirmation']);
    assert.deepEqual(byDelta('renamed'), ['delivery-evidence']);
  });

  it('id-less criteria under Acceptance Criteria are items, never dropped', () => {
    const items = allItems(fixture('six-part/id-less-criteria')).filter((i) => i.kind === 'ac');
    assert.deepEqual(items.map((i) => [i.id, i.style]), [['AC-1', 'gwt'], ['C1', 'gwt'], ['C2', 'checklist'], ['C3', 'gwt']]);
  });

  it('duplicate derived ids are both kept, disambiguated in document order, with a duplicate-id diagnostic', () => {
    const doc = parseSpec(fixture('kiro/duplicate-requirement'));
    const items = doc.sections.flatMap((s) => s.items);
    assert.deepEqual(items.map((i) => [i.id, i.parent ?? null]), [['R1', null], ['R1.1', 'R1'], ['R1~2', null], ['R1.1~2', 'R1~2']]);
    assert.equal(doc.diagnostics.filter((d) => d.code === 'duplicate-id').length, 2);
  });

  it('format comes from front matter, an override, or the headings', () => {
    assert.equal(parseSpec(fixture('openspec/front-matter-override')).formatSource, 'front-matter');
    const forced = parseSpec(fixture('kiro/four-requirements'), { format: 'six-part' });
    assert.deepEqual([forced.template, forced.formatSource], ['agent-ready', 'override']);
    // The items are found whatever the format says: the shapes are read in every section.
    assert.equal(forced.sections.flatMap((s) => s.items).filter((i) => i.kind === 'ac').length, 20);
    assert.deepEqual(forced.mixedFormats, ['kiro-requirements']);
    assert.equal(parseSpec(fixture('kiro/design')).template, 'kiro-design');
    assert.equal(parseSpec(fixture('speckit/older-layout')).template, 'speckit');
  });

  it('Kiro design.md is not asked for acceptance criteria and is scored out of what it promises', () => {
    const report = lintSpec(parseSpec(fixture('kiro/design')));
    assert.deepEqual(report.crossFindings.filter((f) => f.rule === 'cross/no-acceptance-criteria'), []);
    assert.equal(report.readiness.breakdown.binaryAcs.max, 0);
    assert.equal(report.readiness.score, 100);
  });
});
