import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor } from './helpers.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');
const three = [
  modelFinding('The request endpoint should be rate limited.', { proposedText: 'The system must accept at most 5 requests per email address per rolling 60 minutes; the 6th gets 429.' }),
  modelFinding('Tokens must be secure.', { section: 'nonFunctional', severity: 'medium' }),
  modelFinding('The magic link login works.', { section: 'acceptance', severity: 'low' }),
];

describe('streamed findings (FR-3)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('emits three findings in order, each before the next part of the stream is even sent, each anchored', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: three }), delayMs: 150 });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const run = await service.waitForRun(runId);
    const request = standin.requests[0];
    const events = log.of('review.finding');
    assert.deepEqual(events.map((e) => e.finding.quote), three.map((f) => f.quote));
    // Finding k was emitted before the stand-in sent chunk k+1, i.e. while the reply was still streaming.
    for (let k = 0; k < 3; k++) assert.ok(events[k].at < request.chunkSentAt[k + 1], `finding ${k + 1} waited for later chunks`);
    const done = log.of('review.done')[0];
    assert.ok(events[2].at < done.at);
    assert.equal(done.status, 'succeeded');
    for (const e of events) {
      assert.equal(e.runId, runId);
      assert.equal(e.passId, 'edge-case-hunt');
      assert.equal(e.anchor.status, 'anchored');
      assert.equal(e.label, 'new');
    }
    assert.ok(log.of('review.progress').some((p) => p.phase === 'streaming'));
    assert.equal(run.passes[0].findings.length, 3);

    // AC-1's last step, behind the UI: Apply on the first finding changes exactly its quote.
    const edit = computeFindingEdit(parseSpec(draft), events[0].finding);
    assert.ok(edit.ok);
    assert.equal(edit.oldText, three[0].quote);
    assert.equal(edit.markdown, draft.slice(0, edit.start) + three[0].proposedText + draft.slice(edit.end));
  });

  it('keeps the complete findings and drops the one cut off when the connection drops mid-finding', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url });
    const chunks = findingChunks({ findings: three });
    const third = chunks[2];
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: [chunks[0], chunks[1], third.slice(0, 30), third.slice(30)], cut: { afterChunks: 3, how: 'destroy' } });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const run = await service.waitForRun(runId);
    const pass = run.passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'STREAM_CUT');
    assert.deepEqual(pass.findings.map((f) => f.finding.quote), three.slice(0, 2).map((f) => f.quote));
    assert.equal(log.of('review.finding').length, 2);
    assert.ok(pass.rawReply?.endsWith(third.slice(0, 30)), 'the partial reply is kept for inspection');
  });

  it('treats a reply that ends without message_stop as cut too', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    const chunks = findingChunks({ findings: three });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks, cut: { afterChunks: 1, how: 'end' } });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'STREAM_CUT');
    assert.equal(pass.findings.length, 1);
  });
});

describe('invalid replies (FR-2)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('retries once with the validation error, then fails with the raw reply kept', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    const { severity: _dropped, ...noSeverity } = modelFinding('Tokens must be secure.');
    const bad = () => ({ kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [noSeverity] }) });
    standin.enqueue(bad(), bad());
    const { runId } = await service.start({ passId: 'principal-review', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'INVALID_REPLY');
    assert.match(pass.error!.message, /severity/);
    assert.equal(pass.rawReply, findingChunks({ findings: [noSeverity] }).join(''));
    assert.equal(standin.requests.length, 2);
    // The second request shows the model its reply and what was wrong with it.
    const messages = standin.requests[1].body.messages as Array<{ role: string; content: Array<Record<string, unknown>> }>;
    assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(messages[1].content[0].type, 'tool_use');
    assert.equal(messages[2].content[0].type, 'tool_result');
    assert.equal(messages[2].content[0].is_error, true);
    assert.match(String(messages[2].content[0].content), /severity/);
    // The cached prefix is unchanged by the retry.
    assert.deepEqual(standin.requests[1].body.system, standin.requests[0].body.system);
    assert.equal(pass.findings.length, 0, 'an invalid finding is never shown');
  });

  it('succeeds when the retry is valid, and treats unparseable JSON and prose replies as invalid', async () => {
    const { service } = await serviceFor({ baseURL: standin.url });
    const before = standin.requests.length;
    standin.enqueue(
      { kind: 'tool', name: 'report_findings', chunks: ['{"findings": [', '{"section": oops}]}'] },
      { kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: three.slice(0, 1) }) },
    );
    let { runId } = await service.start({ passId: 'principal-review', specMarkdown: draft });
    let pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'succeeded');
    assert.equal(pass.findings.length, 1);
    assert.equal(standin.requests.length - before, 2);

    standin.enqueue({ kind: 'text', text: 'Here are my thoughts…' }, { kind: 'text', text: 'Still prose.' });
    ({ runId } = await service.start({ passId: 'principal-review', specMarkdown: `${draft}\n` }));
    pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'INVALID_REPLY');
    assert.match(pass.error!.message, /did not call the tool/);
    assert.equal(pass.rawReply, 'Still prose.');
  });
});
