import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';
import { scoreSpec } from '../../../core/review/eval/score.js';
import { sidecarSchema } from '../../../core/review/eval/sidecar.js';
import { offlineFindings } from '../../../core/review/offline/offline-findings.js';
import { loadBuiltinChecklists } from './checklist-fixtures.js';

const checklists = loadBuiltinChecklists();
const EVAL = new URL('../../fixtures/review-eval/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8');
const evalSpec = (name: string) => readFileSync(new URL(name, EVAL), 'utf8');

describe('offline reviewer over domain checklists', () => {
  it('AC-1: on a refunds spec it reports the duplicate refund and nothing about sign-in or accounts', () => {
    const doc = parseSpec(evalSpec('refunds.md'));
    const { findings, classification } = offlineFindings(doc, checklists);
    assert.deepEqual(classification.domains, ['payments']);
    const duplicate = findings.find((f) => f.rule === 'checklist/payments/duplicate-request');
    assert.ok(duplicate, findings.map((f) => f.rule).join(', '));
    assert.equal(duplicate.section, 'functional');
    assert.equal(duplicate.severity, 'high');
    for (const f of findings) {
      assert.ok(!(f.rule ?? '').startsWith('checklist/authentication/'), f.rule);
      assert.doesNotMatch(`${f.problem} ${f.suggestion}`, /sign[- ]?in|log ?in|magic link|account/i, f.rule);
    }
  });

  it('AC-2: the magic-link draft keeps its enumeration, token reuse and concurrency findings', () => {
    const rules = offlineFindings(parseSpec(sample('magic-link-draft.md')), checklists).findings.map((f) => f.rule);
    for (const r of ['account-enumeration', 'credential-reuse', 'concurrent-verification']) assert.ok(rules.includes(`checklist/authentication/${r}`), r);
  });

  it('the complete magic-link spec covers every authentication item', () => {
    const { verdicts } = offlineFindings(parseSpec(sample('magic-link.md')), checklists);
    const auth = verdicts.filter((v) => v.rule.startsWith('checklist/authentication/'));
    assert.ok(auth.length >= 8);
    assert.deepEqual(auth.filter((v) => v.status !== 'present'), []);
  });

  it('reports a partly covered item one step less severe, naming what is missing', () => {
    const spec = evalSpec('refunds.md').replace('- FR-5:', '- FR-6: A partial refund may be requested for part of the amount.\n- FR-5:');
    const f = offlineFindings(parseSpec(spec), checklists).findings.find((x) => x.rule === 'checklist/payments/partial-and-over-refund')!;
    assert.match(f.problem, /partly covered: the spec mentions partial refunds but not a ceiling on the total/);
    assert.equal(f.severity, 'medium');
  });

  it('anchors each finding in a section the spec has, and its fix applies there', () => {
    const doc = parseSpec(evalSpec('refunds.md'));
    for (const f of offlineFindings(doc, checklists).findings.filter((x) => x.rule?.startsWith('checklist/'))) {
      assert.ok(doc.sections.some((s) => s.key === f.section), `${f.rule} in ${f.section}`);
      assert.notEqual(f.quote, '', f.rule);
      const edit = computeFindingEdit(doc, f);
      assert.ok(edit.ok, f.rule);
    }
  });

  it('drops exactly the item a spec starts to cover', () => {
    const before = offlineFindings(parseSpec(evalSpec('refunds.md')), checklists).findings.map((f) => f.rule);
    const fixed = evalSpec('refunds.md').replace(
      '- FR-5:',
      '- FR-6: Each refund request carries an idempotency key; a repeat with the same key returns the first result.\n- FR-5:',
    );
    const after = offlineFindings(parseSpec(fixed), checklists).findings.map((f) => f.rule);
    assert.deepEqual(before.filter((r) => !after.includes(r)), ['checklist/payments/duplicate-request']);
  });

  it('uses the general checklist only when no domain is detected', () => {
    const doc = parseSpec('# Dark mode\n\n## Functional Requirements\n- FR-1: The app must follow the operating system colour scheme.\n');
    const { findings, classification } = offlineFindings(doc, checklists);
    assert.deepEqual(classification.domains, []);
    const domains = new Set(findings.filter((f) => f.rule?.startsWith('checklist/')).map((f) => f.rule!.split('/')[1]));
    assert.deepEqual([...domains], ['general']);
  });
});

describe('Product Ops rules (FR-3)', () => {
  it('AC-4: an alternative listed without a reason gets a finding naming it', () => {
    const doc = parseSpec(evalSpec('report-scheduler.md'));
    const { findings } = offlineFindings(doc, checklists);
    const alt = findings.filter((f) => f.rule === 'product-ops/alternative-without-reason');
    assert.equal(alt.length, 1);
    assert.match(alt[0].problem, /"Third-party scheduling service"/);
    assert.equal(alt[0].section, 'alternatives');
    assert.ok(doc.source.includes(alt[0].quote) && alt[0].quote !== '');
    const rules = findings.map((f) => f.rule);
    for (const r of ['performance-unquantified', 'performance-no-load', 'rollout-no-flag', 'rollout-no-migration', 'rollout-no-monitoring', 'security-no-access']) {
      assert.ok(rules.includes(`product-ops/${r}`), r);
    }
  });

  it('finds nothing to say about the complete Product Ops sample, and switches off six-part lint rules', () => {
    const { findings } = offlineFindings(parseSpec(sample('audit-log-export.md')), checklists);
    assert.deepEqual(findings.filter((f) => f.rule?.startsWith('product-ops/')).map((f) => f.rule), []);
    assert.ok(!findings.some((f) => f.rule === 'lint/cross/no-acceptance-criteria'));
  });

  it('stays silent on six-part specs', () => {
    const { findings } = offlineFindings(parseSpec(sample('magic-link-draft.md')), checklists);
    assert.ok(!findings.some((f) => f.rule?.startsWith('product-ops/')));
  });
});

describe('NFR-1 over the shipped evaluation set', () => {
  const names = readdirSync(EVAL).filter((n) => n.endsWith('.md'));

  it('ships at least 8 specs across at least 8 domains', () => {
    assert.ok(names.length >= 8);
    const domains = new Set(names.flatMap((n) => sidecarSchema.parse(JSON.parse(readFileSync(new URL(n.replace(/\.md$/, '.gaps.json'), EVAL), 'utf8'))).domains));
    assert.ok(domains.size >= 8, [...domains].join(', '));
  });

  it('raises at least 70% of the planted gaps, and never a domain\'s items outside that domain', () => {
    let planted = 0;
    let raised = 0;
    for (const name of names) {
      const sidecar = sidecarSchema.parse(JSON.parse(readFileSync(new URL(name.replace(/\.md$/, '.gaps.json'), EVAL), 'utf8')));
      const { findings } = offlineFindings(parseSpec(readFileSync(new URL(name, EVAL), 'utf8')), checklists);
      const score = scoreSpec(sidecar, findings, ['offline']);
      planted += score.gaps.length;
      raised += score.gaps.filter((g) => g.raisedBy.length > 0).length;
      assert.deepEqual(score.outOfDomain.map((f) => f.rule), [], name);
    }
    assert.ok(raised / planted >= 0.7, `${raised}/${planted}`);
  });

  it('never raises a domain\'s items on specs of the other domains, even when forced through front matter elsewhere', () => {
    for (const name of names) {
      const text = readFileSync(new URL(name, EVAL), 'utf8');
      const doc = parseSpec(text);
      const { findings, classification } = offlineFindings(doc, checklists);
      const raisedDomains = new Set(findings.map((f) => /^checklist\/([^/]+)\//.exec(f.rule ?? '')?.[1]).filter((d): d is string => !!d));
      for (const d of raisedDomains) assert.ok(d === 'general' || classification.domains.includes(d), `${name}: ${d}`);
    }
  });
});
