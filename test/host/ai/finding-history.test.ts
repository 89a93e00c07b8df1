import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { findingKey } from '../../../core/review/finding-key.js';
import { FileFindingHistory } from '../../../host/ai/finding-history.js';
import { ReviewService } from '../../../host/ai/review-service.js';
import { promptsDir } from '../../../host/paths.js';
import { tempDir } from './helpers.js';

const refunds = readFileSync(new URL('../../fixtures/review-eval/refunds.md', import.meta.url), 'utf8');
const FIXED = refunds.replace('for the signed-in owner of the order.', 'for the signed-in owner of the order; a repeat with the same idempotency key returns the first result.');

/** A fresh service each time, sharing only the history folder: like separate CLI runs. */
function service(dataDir: string) {
  return new ReviewService({ dataDir, env: {}, keyVault: null, emit: () => {}, builtinPromptsDir: promptsDir, userPromptsDir: null, findingHistory: new FileFindingHistory(join(dataDir, 'history')) });
}

async function review(dataDir: string, markdown: string) {
  const s = service(dataDir);
  const started = await s.start({ all: true, specMarkdown: markdown, specKey: 'file:/specs/refunds.md' });
  const run = await s.waitForRun(started.runId);
  return { s, run, pass: run.passes[0], hidden: s.dismissedIn(started.runId) };
}

describe('reproducible findings across runs (FR-4)', () => {
  it('AC-5: an unchanged spec labels every finding persisting; a fixed gap is labelled resolved', async () => {
    const dir = tempDir();
    const first = await review(dir, refunds);
    assert.ok(first.pass.findings.length > 5);
    assert.ok(first.pass.findings.every((f) => f.label === 'new'));

    const again = await review(dir, refunds);
    assert.deepEqual(again.pass.findings.map((f) => f.label), first.pass.findings.map(() => 'persisting'));
    assert.deepEqual(again.pass.resolved, []);

    const fixed = await review(dir, FIXED);
    assert.deepEqual(fixed.pass.resolved.map((f) => f.rule), ['checklist/payments/duplicate-request']);
    assert.ok(fixed.pass.findings.every((f) => f.label === 'persisting'), fixed.pass.findings.filter((f) => f.label !== 'persisting').map((f) => f.finding.rule).join(', '));
  });

  it('keeps a finding keyed by its requirement id when that requirement is reworded without fixing it', async () => {
    const dir = tempDir();
    await review(dir, refunds);
    const reworded = refunds.replace('for the signed-in owner of the order.', 'for the signed-in customer who owns the order.');
    const { pass } = await review(dir, reworded);
    assert.deepEqual(pass.resolved.map((f) => f.rule), []);
    assert.ok(pass.findings.every((f) => f.label === 'persisting'));
  });

  it('keeps a dismissed finding dismissed while its quote is unchanged, and brings it back when the quote changes', async () => {
    const dir = tempDir();
    const { s, pass } = await review(dir, refunds);
    const target = pass.findings.find((f) => f.finding.rule === 'checklist/payments/duplicate-request')!.finding;
    const key = findingKey(parseSpec(refunds), target);
    await s.dismiss('file:/specs/refunds.md', key, target.quote);

    const later = await review(dir, refunds.replace('Orders older than 60 days', 'Orders placed more than 60 days ago'));
    assert.ok(!later.pass.findings.some((f) => f.finding.rule === 'checklist/payments/duplicate-request'));
    assert.deepEqual(later.hidden.map((h) => h.key), [key]);
    assert.deepEqual(later.pass.resolved, [], 'a dismissed finding is not reported as resolved');

    const changed = refunds.replace(target.quote, `${target.quote.replace(/\.$/, '')} and a reason code.`);
    const back = await review(dir, changed);
    assert.ok(back.pass.findings.some((f) => f.finding.rule === 'checklist/payments/duplicate-request'));
    assert.deepEqual(back.hidden, []);
  });

  it('ignores a history file that is not valid rather than failing the review', async () => {
    const dir = tempDir();
    const history = new FileFindingHistory(join(dir, 'history'));
    await history.recordRun('k', 'offline', 'v1', []);
    const { writeFileSync, readdirSync } = await import('node:fs');
    for (const f of readdirSync(join(dir, 'history'))) writeFileSync(join(dir, 'history', f), '{"broken":');
    assert.equal(await history.lastRun('k', 'offline'), null);
  });

  it('records passes that finish together without losing one or failing on a shared temporary file', async () => {
    const history = new FileFindingHistory(join(tempDir(), 'history'));
    const finding = { id: 'f-1', pass: 'p', section: 'functional', severity: 'medium', quote: 'q', problem: 'x', whyAnAgentWouldGuess: 'w', suggestion: 'y' } as const;
    await Promise.all(Array.from({ length: 12 }, (_, i) => history.recordRun('spec:1', `pass-${i}`, 'h'.repeat(64), [{ key: `k${i}`, finding: { ...finding, pass: `pass-${i}` } }])));
    for (let i = 0; i < 12; i++) assert.equal((await history.lastRun('spec:1', `pass-${i}`))?.findings[0]?.key, `k${i}`);
  });
});
