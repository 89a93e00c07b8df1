import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor } from './helpers.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

describe('cancel (AC-4)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('aborts the request after the first finding, keeps that finding and marks the pass cancelled', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url });
    const chunks = findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' }), modelFinding('The magic link login works.', { section: 'acceptance' })] });
    // Only the first finding is sent; the stand-in then keeps the response open like a slow model.
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: chunks.slice(0, 1), holdOpen: true });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    await log.waitFor('review.finding', (p) => p.runId === runId);
    assert.equal(service.cancel(runId), true);

    const run = await service.waitForRun(runId);
    const request = standin.requests[0];
    await request.done;
    assert.equal(request.closedByClient, true, 'the stand-in saw the connection close before its reply ended');
    const pass = run.passes[0];
    assert.equal(pass.status, 'cancelled');
    assert.equal(pass.error?.code, 'CANCELLED');
    assert.deepEqual(pass.findings.map((f) => f.finding.quote), ['Tokens must be secure.']);
    const done = log.of('review.done');
    assert.equal(done.length, 1);
    assert.equal(done[0].status, 'cancelled');
    assert.equal(service.cancel(runId), false, 'a finished run cannot be cancelled again');
  });

  it('never starts passes still queued behind the concurrency limit', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { concurrency: 1 } });
    const before = standin.requests.length;
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: [], holdOpen: true });
    const { runId } = await service.start({ all: true, specMarkdown: draft });
    await standin.waitForRequests(before + 1);
    service.cancel(runId);
    const run = await service.waitForRun(runId);
    assert.deepEqual(run.passes.map((p) => p.status), ['cancelled', 'cancelled']);
    assert.equal(standin.requests.length - before, 1, 'the second pass sent nothing');
    assert.equal(run.status, 'done');
  });
});
