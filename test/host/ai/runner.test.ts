import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { estimateCost } from '../../../core/review/cost.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor, tempDir } from './helpers.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');
const reply = (findings: ReturnType<typeof modelFinding>[], delayMs = 0) => ({
  kind: 'tool' as const,
  name: 'report_findings',
  chunks: findingChunks({ findings }),
  delayMs,
  usage: { input_tokens: 1000, cache_creation_input_tokens: 3000, cache_read_input_tokens: 0 },
});

function userPass(dir: string, id: string, step: number) {
  writeFileSync(join(dir, `${id}.md`), `---\nid: ${id}\ntitle: Extra ${id}\nstep: ${step}\nkind: review\ninputs: [spec]\nsection: all\n---\n\nLook for ${id} problems.\n`);
}

describe('pass runner', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('runs "all reviews" with at most `concurrency` requests open at once', async () => {
    const prompts = tempDir();
    mkdirSync(prompts, { recursive: true });
    for (const [i, id] of ['extra-a', 'extra-b', 'extra-c'].entries()) userPass(prompts, id, 20 + i);
    const { service } = await serviceFor({ baseURL: standin.url, settings: { concurrency: 2 }, userPromptsDir: prompts });
    const before = standin.requests.length;
    for (let i = 0; i < 5; i++) standin.enqueue(reply([modelFinding('Tokens must be secure.', { section: 'nonFunctional', problem: `p${i}` })], 60));
    const { runId, passIds } = await service.start({ all: true, specMarkdown: draft });
    assert.equal(passIds.length, 5);
    const run = await service.waitForRun(runId);
    assert.ok(run.passes.every((p) => p.status === 'succeeded'));
    const requests = standin.requests.slice(before);
    assert.equal(requests.length, 5);
    let maxOpen = 0;
    for (const r of requests) {
      const open = requests.filter((o) => o.receivedAt <= r.receivedAt && (o.endedAt ?? Infinity) > r.receivedAt).length;
      maxOpen = Math.max(maxOpen, open);
    }
    assert.equal(maxOpen, 2);
  });

  it('records usage, duration and estimated cost per pass and per run', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { model: 'claude-sonnet-5-5' } });
    standin.enqueue(reply([modelFinding('Tokens must be secure.', { section: 'nonFunctional' })]));
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const run = await service.waitForRun(runId);
    const pass = run.passes[0];
    assert.equal(pass.usage.inputTokens, 1000);
    assert.equal(pass.usage.cacheWriteTokens, 3000);
    assert.ok(pass.usage.outputTokens > 0);
    assert.ok(pass.durationMs > 0);
    assert.deepEqual(pass.cost, estimateCost('claude-sonnet-5-5', pass.usage));
    assert.ok(pass.cost.usd! > 0);
    assert.deepEqual(run.usage, pass.usage);
    assert.equal(pass.model, 'claude-sonnet-5-5');
  });

  it('serves a repeated pass on the same text and model from the cache, and asks again for another model', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    standin.enqueue(reply([modelFinding('Tokens must be secure.', { section: 'nonFunctional' })]));
    const before = standin.requests.length;
    const first = await service.waitForRun((await service.start({ passId: 'principal-review', specMarkdown: draft })).runId);
    const second = await service.waitForRun((await service.start({ passId: 'principal-review', specMarkdown: draft })).runId);
    assert.equal(standin.requests.length - before, 1, 'the second run made no request');
    assert.equal(second.passes[0].cached, true);
    assert.deepEqual(second.passes[0].usage, { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 });
    assert.deepEqual(second.passes[0].findings.map((f) => f.finding), first.passes[0].findings.map((f) => f.finding));

    await service.updateSettings({ model: 'claude-opus-5-5' });
    standin.enqueue(reply([]));
    const third = await service.waitForRun((await service.start({ passId: 'principal-review', specMarkdown: draft })).runId);
    assert.equal(third.passes[0].cached, false);
    assert.equal(standin.requests.length - before, 2);
    assert.equal(standin.requests.at(-1)!.body.model, 'claude-opus-5-5');
  });

  it('merges the same quote and problem found by two passes', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    const shared = modelFinding('Log the important events.', { section: 'nonFunctional', severity: 'medium' });
    standin.enqueue(reply([shared]), reply([{ ...shared, severity: 'high' }, modelFinding('Tokens must be secure.', { section: 'nonFunctional' })]));
    const run = await service.waitForRun((await service.start({ all: true, specMarkdown: `${draft}\n<!-- merge -->\n` })).runId);
    assert.equal(run.passes.flatMap((p) => p.findings).length, 3);
    assert.equal(run.merged.length, 2);
    const merged = run.merged.find((f) => f.quote === shared.quote)!;
    assert.equal(merged.severity, 'high');
    assert.equal(merged.pass, 'edge-case-hunt');
    assert.deepEqual(merged.alsoFrom, ['principal-review']);
  });

  it('labels findings new or persisting on a new version, and lists the resolved ones', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url });
    const a = modelFinding('Tokens must be secure.', { section: 'nonFunctional' });
    const b = modelFinding('Log the important events.', { section: 'nonFunctional' });
    const c = modelFinding('The endpoint should be fast.', { section: 'nonFunctional' });
    standin.enqueue(reply([a, b]), reply([{ ...a, problem: 'Worded differently this time.' }, c]));
    await service.waitForRun((await service.start({ passId: 'edge-case-hunt', specMarkdown: draft, specId: 7 })).runId);
    const v2 = draft.replace('- NFR-3: Log the important events.\n', '');
    const run = await service.waitForRun((await service.start({ passId: 'edge-case-hunt', specMarkdown: v2, specId: 7 })).runId);
    const pass = run.passes[0];
    assert.deepEqual(pass.findings.map((f) => [f.finding.quote, f.label]), [
      [a.quote, 'persisting'],
      [c.quote, 'new'],
    ]);
    assert.deepEqual(pass.resolved.map((f) => f.quote), [b.quote]);
    const events = log.of('review.finding').filter((e) => e.runId === run.runId);
    assert.deepEqual(events.map((e) => e.label), ['persisting', 'new']);
  });

  it('runs a draft pass and returns its proposals and open questions', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    const input = { proposals: [{ section: 'context', text: 'The service is an Express 4 API on PostgreSQL 16.' }], openQuestions: ['Which Node version?'] };
    standin.enqueue({ kind: 'tool', name: 'propose_sections', chunks: findingChunks(input, 'proposals') });
    const run = await service.waitForRun((await service.start({ passId: 'context-problem', specMarkdown: draft })).runId);
    const pass = run.passes[0];
    assert.equal(pass.status, 'succeeded');
    assert.deepEqual(pass.proposals, input.proposals);
    assert.deepEqual(pass.openQuestions, input.openQuestions);
    assert.deepEqual((standin.requests.at(-1)!.body.tool_choice as { name: string }).name, 'propose_sections');
  });

  it('sends pasted code with the integration-surface pass', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    standin.enqueue({ kind: 'tool', name: 'propose_sections', chunks: findingChunks({ proposals: [], openQuestions: [] }, 'proposals') });
    await service.waitForRun((await service.start({ passId: 'integration-surface', specMarkdown: draft, code: 'export interface User { id: string }' })).runId);
    const messages = standin.requests.at(-1)!.body.messages as Array<{ content: Array<{ text: string }> }>;
    assert.match(messages[0].content[0].text, /<code>\nexport interface User \{ id: string \}\n<\/code>/);
  });

  it('runs the offline reviewer without a key and says so', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url, apiKey: null });
    const before = standin.requests.length;
    const started = await service.start({ all: true, specMarkdown: draft });
    assert.equal(started.mode, 'offline');
    assert.deepEqual(started.passIds, ['offline']);
    assert.match(started.notice!, /No API key/);
    const run = await service.waitForRun(started.runId);
    assert.equal(standin.requests.length, before, 'no request without a key');
    assert.ok(run.merged.length >= 2);
    assert.ok(run.merged.every((f) => f.offline));
    assert.equal(log.of('review.finding').length, run.merged.length);
    await assert.rejects(service.start({ passId: 'context-problem', specMarkdown: draft }), /needs the model/);
  });
});
