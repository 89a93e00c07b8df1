import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, serviceFor } from './helpers.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');
const ok = () => ({ kind: 'tool' as const, name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }) });

describe('retries and failures (NFR-2, AC-3)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('succeeds after the API answers 529 twice (the SDK retries, bounded)', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { maxRetries: 2 } });
    const start = standin.requests.length;
    standin.enqueue({ kind: 'status', status: 529, headers: { 'retry-after-ms': '10' } }, { kind: 'status', status: 529, headers: { 'retry-after-ms': '10' } }, ok());
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'succeeded');
    assert.equal(pass.findings.length, 1);
    assert.equal(standin.requests.length - start, 3);
  });

  it('gives up on 529 after maxRetries and says the API is overloaded', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { maxRetries: 1 } });
    const start = standin.requests.length;
    standin.enqueue({ kind: 'status', status: 529, headers: { 'retry-after-ms': '10' } }, { kind: 'status', status: 529, headers: { 'retry-after-ms': '10' } });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'OVERLOADED');
    assert.equal(standin.requests.length - start, 2);
  });

  it('fails once with "API key rejected" on 401, without retrying', async () => {
    const { service, log } = await serviceFor({ baseURL: standin.url, settings: { maxRetries: 2 } });
    const start = standin.requests.length;
    standin.enqueue({ kind: 'status', status: 401 }, ok());
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'KEY_REJECTED');
    assert.equal(pass.error?.message, 'API key rejected');
    assert.equal(standin.requests.length - start, 1, 'exactly one request');
    assert.equal(log.of('review.done').length, 1);
    // A retry would have found a good reply waiting; it is still there.
    assert.equal(standin.pending, 1);
    const drain = await serviceFor({ baseURL: standin.url });
    await drain.service.waitForRun((await drain.service.start({ passId: 'edge-case-hunt', specMarkdown: draft })).runId);
    assert.equal(standin.pending, 0);
  });

  it('shows the retry-after time when rate limiting outlasts the retries', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { maxRetries: 1 } });
    standin.enqueue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '10' } }, { kind: 'status', status: 429, headers: { 'retry-after': '42' } });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'RATE_LIMITED');
    assert.equal(pass.error?.retryAfterSeconds, 42);
    assert.match(pass.error!.message, /retry after 42 s/);
  });

  it('fails with a timeout when no answer comes in time', async () => {
    const { service } = await serviceFor({ baseURL: standin.url, settings: { maxRetries: 0, timeoutMs: 1000 } });
    standin.enqueue({ ...ok(), headersDelayMs: 1600 });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'TIMEOUT');
  });

  it('fails with a network error when nothing listens, leaving no findings', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const { service } = await serviceFor({ baseURL: `http://127.0.0.1:${port}`, settings: { maxRetries: 0 } });
    const { runId } = await service.start({ passId: 'edge-case-hunt', specMarkdown: draft });
    const pass = (await service.waitForRun(runId)).passes[0];
    assert.equal(pass.status, 'failed');
    assert.equal(pass.error?.code, 'NETWORK');
    assert.deepEqual(pass.findings, []);
  });
});
