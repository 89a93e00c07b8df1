import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { tempDir } from './helpers.js';
import { testContext } from './host-context.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

async function ok<T = Record<string, unknown>>(handlers: ReturnType<typeof createHandlers>, name: string, args: unknown): Promise<T> {
  const envelope = await dispatch(handlers, name, args);
  assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope)}`);
  return envelope.value as T;
}

async function finishedRun(handlers: ReturnType<typeof createHandlers>, runId: string) {
  for (;;) {
    const status = await ok<{ status: string; merged: Array<{ id: string; rule?: string }> }>(handlers, 'review.status', { runId });
    if (status.status === 'done') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('review handlers', () => {
  it('keep an applied and a dismissed finding across a restart (AC-6)', async () => {
    const dataDir = tempDir();
    const first = testContext(dataDir, { env: {} });
    let handlers = createHandlers(first);
    const { spec, version } = first.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    const { runId } = await ok<{ runId: string }>(handlers, 'review.run', { all: true, specMarkdown: draft, specId: spec.id, versionHash: version.contentHash });
    const [applied, dismissed] = (await finishedRun(handlers, runId)).merged;
    await ok(handlers, 'review.findingState.set', { specId: spec.id, contentHash: version.contentHash, findingId: applied.id, state: 'applied' });
    await ok(handlers, 'review.findingState.set', { specId: spec.id, contentHash: version.contentHash, findingId: dismissed.id, state: 'dismissed', note: 'not for this release' });
    first.store.close();

    // A new process: a fresh context and store on the same data folder.
    const second = testContext(dataDir, { env: {} });
    handlers = createHandlers(second);
    const { states } = await ok<{ states: Array<{ findingId: string; state: string; note: string | null }> }>(handlers, 'review.findingState.list', { specId: spec.id, contentHash: version.contentHash });
    assert.deepEqual(
      states.map((s) => [s.findingId, s.state, s.note]).sort(),
      [
        [applied.id, 'applied', null],
        [dismissed.id, 'dismissed', 'not for this release'],
      ].sort(),
    );
    // Another text of the spec: what was applied belongs to its version, but a dismissal is
    // carried (a finding's id follows its quote, so it names the same finding only while the
    // quoted text is unchanged).
    const other = await ok<{ states: Array<{ findingId: string; state: string }> }>(handlers, 'review.findingState.list', { specId: spec.id, contentHash: 'f'.repeat(64) });
    assert.deepEqual(other.states.map((s) => [s.findingId, s.state]), [[dismissed.id, 'dismissed']]);
    second.store.close();
  });

  it('keep a dismissed finding dismissed on a new version while its quote is unchanged, and bring it back once it changes (issue 16 FR-4)', async () => {
    const ctx = testContext(tempDir(), { env: {} });
    const handlers = createHandlers(ctx);
    const { spec, version } = ctx.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    const run = async (markdown: string, versionHash: string) => {
      const { runId } = await ok<{ runId: string }>(handlers, 'review.run', { all: true, specMarkdown: markdown, specId: spec.id, versionHash });
      return (await finishedRun(handlers, runId)).merged as Array<{ id: string; quote: string }>;
    };
    const states = async (contentHash: string) =>
      new Map((await ok<{ states: Array<{ findingId: string; state: string }> }>(handlers, 'review.findingState.list', { specId: spec.id, contentHash })).states.map((s) => [s.findingId, s.state]));

    const findings = await run(draft, version.contentHash);
    const target = findings.find((f) => f.quote.length >= 12 && draft.indexOf(f.quote) === draft.lastIndexOf(f.quote));
    assert.ok(target, 'the draft sample has a finding with a unique quote');
    await ok(handlers, 'review.findingState.set', { specId: spec.id, contentHash: version.contentHash, findingId: target.id, state: 'dismissed' });

    // An edit elsewhere: a new version, the same finding, still dismissed.
    const edited = `${draft}\nAn unrelated closing note.\n`;
    const v2 = ctx.store.saveVersion({ specId: spec.id, markdown: edited }).version;
    assert.ok((await run(edited, v2.contentHash)).some((f) => f.id === target.id));
    assert.equal((await states(v2.contentHash)).get(target.id), 'dismissed');

    // The quoted text reworded: the finding (if raised again) has another id, and nothing is dismissed for it.
    const reworded = edited.replace(target.quote, `${target.quote.slice(0, -1)}X`);
    const v3 = ctx.store.saveVersion({ specId: spec.id, markdown: reworded }).version;
    const again = await run(reworded, v3.contentHash);
    const v3States = await states(v3.contentHash);
    assert.ok(again.every((f) => f.id === target.id || v3States.get(f.id) !== 'dismissed'));
    assert.ok(!again.some((f) => f.id === target.id), 'the reworded quote gives the finding a new id');
    ctx.store.close();
  });

  it('refuse bad arguments through the contract', async () => {
    const ctx = testContext(tempDir(), { env: {} });
    const handlers = createHandlers(ctx);
    const both = await dispatch(handlers, 'review.run', { all: true, passId: 'x', specMarkdown: draft });
    assert.ok(!both.ok && both.error.code === 'INVALID_ARGUMENTS');
    const neither = await dispatch(handlers, 'review.run', { specMarkdown: draft });
    assert.ok(!neither.ok && neither.error.code === 'INVALID_ARGUMENTS');
    const badHash = await dispatch(handlers, 'review.findingState.list', { specId: 1, contentHash: 'abc' });
    assert.ok(!badHash.ok && badHash.error.code === 'INVALID_ARGUMENTS');
    const unknown = await dispatch(handlers, 'review.run', { passId: 'no-such-pass', specMarkdown: draft });
    assert.ok(!unknown.ok && unknown.error.code === 'NOT_FOUND');
    const brief = await dispatch(handlers, 'review.run', { passId: 'agent-brief', specMarkdown: draft });
    assert.ok(!brief.ok && /review\.brief/.test(brief.error.message));
    const lostRun = await dispatch(handlers, 'review.status', { runId: 'nope' });
    assert.ok(!lostRun.ok && lostRun.error.code === 'NOT_FOUND');
    ctx.store.close();
  });

  it('list the passes and every prompt file that could not be used, with its error', async () => {
    const dataDir = tempDir();
    const userDir = join(dataDir, 'prompts');
    mkdirSync(userDir);
    writeFileSync(join(userDir, 'broken.md'), '---\nid: Broken One\ntitle: x\n---\nbody\n');
    writeFileSync(join(userDir, 'mine.md'), '---\nid: my-check\ntitle: My check\nstep: 11\nkind: review\ninputs: [spec]\nsection: all\n---\n\nCheck my house rules.\n');
    const ctx = testContext(dataDir, { env: {} });
    const handlers = createHandlers(ctx);
    const result = await ok<{ passes: Array<{ id: string; step: number; kind: string; origin: string }>; errors: Array<{ file: string; error: string }>; userPromptsDir: string }>(handlers, 'review.passes', {});
    assert.deepEqual(result.passes.filter((p) => p.origin === 'builtin').map((p) => p.step), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.ok(result.passes.some((p) => p.id === 'my-check' && p.origin === 'user'));
    assert.equal(result.errors.length, 1);
    assert.ok(result.errors[0].file.endsWith('broken.md'));
    assert.match(result.errors[0].error, /id must be/);
    assert.equal(result.userPromptsDir, userDir);
    // The other passes still run.
    const { runId } = await ok<{ runId: string }>(handlers, 'review.run', { all: true, specMarkdown: draft });
    assert.ok((await finishedRun(handlers, runId)).merged.length > 0);
    ctx.store.close();
  });

  it('build briefs and apply Clarify answers without a key', async () => {
    const ctx = testContext(tempDir(), { env: {} });
    const handlers = createHandlers(ctx);
    const { targets } = await ok<{ targets: Array<{ kind: string }> }>(handlers, 'review.briefTargets', { specMarkdown: draft });
    assert.ok(targets.some((t) => JSON.stringify(t) === JSON.stringify({ kind: 'endpoint', method: 'POST', path: '/auth/magic-link/request' })));
    const brief = await ok<{ text: string }>(handlers, 'review.brief', { specMarkdown: draft, target: { kind: 'item', id: 'FR-1' } });
    assert.match(brief.text, /Implement FR-1 and nothing else/);
    const missing = await dispatch(handlers, 'review.brief', { specMarkdown: draft, target: { kind: 'item', id: 'FR-42' } });
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');

    const clarify = await ok<{ mode: string; questions: Array<{ section: string; quote?: string; question: string; recommended: string }> }>(handlers, 'review.clarify', { specMarkdown: draft });
    assert.equal(clarify.mode, 'offline');
    assert.ok(clarify.questions.length > 0 && clarify.questions.length <= 5);
    const q = clarify.questions[0];
    const applied = await ok<{ markdown: string; writtenInto: string }>(handlers, 'review.clarify.apply', { specMarkdown: draft, section: q.section, quote: q.quote, question: q.question, answer: q.recommended });
    assert.equal(applied.writtenInto, 'quote');
    assert.ok(applied.markdown.includes(`${q.quote} ${q.recommended}`));
    assert.match(applied.markdown, /## Clarifications\n\n- \*\*Q:\*\* /);
    ctx.store.close();
  });

  it('save settings in the data folder', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir, { env: {} });
    const handlers = createHandlers(ctx);
    const before = await ok<{ model: string; concurrency: number; keyConfigured: boolean; suggestedModels: string[] }>(handlers, 'review.settings.get', {});
    assert.equal(before.model, 'claude-sonnet-5-5');
    assert.equal(before.concurrency, 3);
    assert.equal(before.keyConfigured, false);
    assert.ok(before.suggestedModels.includes(before.model));
    await ok(handlers, 'review.settings.set', { concurrency: 5, maxTokens: 4096 });
    const reread = await ok<{ concurrency: number; maxTokens: number }>(createHandlers(testContext(dataDir, { env: {} })), 'review.settings.get', {});
    assert.equal(reread.concurrency, 5);
    assert.equal(reread.maxTokens, 4096);
    const bad = await dispatch(handlers, 'review.settings.set', { concurrency: 99 });
    assert.ok(!bad.ok && bad.error.code === 'INVALID_ARGUMENTS');
    ctx.store.close();
  });
});
