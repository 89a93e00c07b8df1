import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { anchorFindings } from '../../../core/review/anchor.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';
import { findingSchema } from '../../../core/review/finding.js';
import { httpAuthCatalogue } from '../../../core/review/offline/http-auth.js';
import { offlineFindings } from '../../../core/review/offline/offline-findings.js';
import { offlineReview } from '../../../core/review/offline/reviewer.js';
import { loadBuiltinChecklists } from './checklist-fixtures.js';

const sample = (name: string) => readFileSync(new URL(`../../../samples/${name}`, import.meta.url), 'utf8');
const ALL = httpAuthCatalogue.entries.map((e) => `http-auth/${e.id}`);

describe('offline reviewer', () => {
  it('flags every uncovered concern of the weak magic-link draft, marked offline, in the finding shape', () => {
    const review = offlineReview(parseSpec(sample('magic-link-draft.md')));
    assert.equal(review.domain, 'http-auth');
    assert.deepEqual(review.findings.map((f) => f.rule).sort(), [...ALL].sort());
    for (const f of review.findings) {
      assert.equal(f.offline, true);
      assert.equal(f.pass, 'offline');
      findingSchema.parse(f);
    }
    // Severity order: every high before every medium.
    const ranks = review.findings.map((f) => ['high', 'medium', 'low'].indexOf(f.severity));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  });

  it('gives the complete magic-link spec no catalogue finding: it covers every concern', () => {
    const review = offlineReview(parseSpec(sample('magic-link.md')));
    assert.deepEqual(review.findings, []);
    assert.deepEqual(review.covered.sort(), httpAuthCatalogue.entries.map((e) => e.id).sort());
  });

  it('drops exactly the finding whose concern a spec starts to cover', () => {
    const draft = sample('magic-link-draft.md');
    const covered = draft.replace(
      '- FR-6: The system must handle errors properly.',
      '- FR-6: When the address has no account, the reply is the same 202 whether or not the address is registered.',
    );
    const before = offlineReview(parseSpec(draft)).findings.map((f) => f.rule);
    const after = offlineReview(parseSpec(covered)).findings.map((f) => f.rule);
    assert.deepEqual(
      before.filter((r) => !after.includes(r)),
      ['http-auth/account-enumeration'],
    );
  });

  it('is deterministic', () => {
    const a = offlineReview(parseSpec(sample('magic-link-draft.md')));
    const b = offlineReview(parseSpec(sample('magic-link-draft.md')));
    assert.deepEqual(a, b);
  });

  it('quotes requirements that anchor exactly, and each proposed text applies to the quote only', () => {
    const doc = parseSpec(sample('magic-link-draft.md'));
    const review = offlineReview(doc);
    for (const { finding, anchor } of anchorFindings(doc, review.findings)) {
      assert.equal(anchor.status, 'anchored', finding.rule);
      assert.ok(anchor.status === 'anchored' && anchor.kind === 'exact');
      const edit = computeFindingEdit(doc, finding);
      assert.ok(edit.ok, finding.rule);
      assert.equal(edit.oldText, finding.quote);
      assert.ok(edit.markdown.includes(finding.proposedText!));
    }
  });

  it('stays quiet on a spec outside its domains', () => {
    const review = offlineReview(parseSpec(sample('audit-log-export.md')));
    assert.equal(review.domain, null);
    assert.deepEqual(review.findings, []);
  });

  it('adds a new numbered requirement when the target section has nothing to extend', () => {
    const doc = parseSpec('# Login\n\nUsers sign in with a password at POST /auth/login; the login endpoint returns a session.\n\n## Functional Requirements\n\n## Acceptance Criteria\n\n- AC-1: Given a password login, when POST /auth/login is sent, then 200.\n');
    const review = offlineReview(doc);
    const enumeration = review.findings.find((f) => f.rule === 'http-auth/account-enumeration')!;
    assert.equal(enumeration.quote, '');
    // Plain ids, like the document's own "- AC-1:".
    assert.match(enumeration.proposedText!, /^- FR-1: It must answer/);
    const edit = computeFindingEdit(doc, enumeration);
    assert.ok(edit.ok && edit.mode === 'insert');
    assert.equal(parseSpec(edit.markdown).sections.find((s) => s.key === 'functional')!.items[0].id, 'FR-1');
  });
});

describe('offline findings with the quality engine', () => {
  it('adds the linter\'s errors and warnings after the checklist findings, all marked offline', () => {
    const doc = parseSpec(sample('magic-link-draft.md'));
    const { findings, lintError } = offlineFindings(doc, loadBuiltinChecklists());
    assert.equal(lintError, null);
    const rules = findings.map((f) => f.rule ?? '');
    const firstLint = rules.findIndex((r) => r.startsWith('lint/'));
    assert.ok(firstLint > 0, 'lint findings are there');
    assert.ok(rules.slice(0, firstLint).every((r) => r.startsWith('checklist/')), 'checklist findings come first');
    assert.ok(rules.includes('lint/cross/number-conflict'), 'the 15 vs 10 minutes conflict of the draft');
    assert.ok(findings.every((f) => f.offline === true));
    assert.equal(new Set(findings.map((f) => f.id)).size, findings.length, 'no duplicates');
  });
});
