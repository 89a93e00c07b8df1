import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { EventName } from '../../core/contract/operations.js';
import { ReviewService } from '../../host/ai/review-service.js';
import { reviewSettingsSchema, saveReviewSettings } from '../../host/ai/settings.js';
import { HostError } from '../../host/common/host-error.js';
import { createHostServices, disposeHostServices, type HostServices } from '../../host/services.js';
import { findingChunks, StandinServer } from './ai/standin-server.js';
import { modelFinding, tempDir } from './ai/helpers.js';
import { embeddedServerTree, running } from './server/processes.js';

const draft = readFileSync(new URL('../../samples/magic-link-draft.md', import.meta.url), 'utf8');

/** What each service looked like at the moment an event was emitted. */
interface Moment {
  name: EventName;
  serverState: string | null;
  storeOpen: boolean;
  runStatus: string | null;
}

function shuttingDown(error: unknown): boolean {
  return error instanceof HostError && error.code === 'SHUTTING_DOWN';
}

async function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('host services: the composition root disposes in order', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('cancels review runs first, then stops the embedded server, then closes the store', { timeout: 120_000 }, async () => {
    const dataDir = tempDir('specbench-services-');
    await saveReviewSettings(dataDir, reviewSettingsSchema.parse({ baseURL: standin.url, maxRetries: 0 }));
    const moments: Moment[] = [];
    let runId: string | null = null;
    let services: HostServices | null = null;
    services = createHostServices({
      dataDir,
      reviewEnv: { ANTHROPIC_API_KEY: 'sk-ant-test-key', SPECBENCH_ALLOW_LOOPBACK_AI: '1' },
      // Recorded synchronously, so each moment shows the state of every service when the event left.
      emit: (name, payload) => {
        if (!services) return;
        moments.push({
          name,
          serverState: name === 'server.status' ? (payload as { state: string }).state : null,
          storeOpen: services.store.isOpen,
          runStatus: runId ? services.review.status(runId).status : null,
        });
      },
    });
    const live = services;
    after(() => disposeHostServices(live));

    live.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }), holdOpen: true });
    const requestsBefore = standin.requests.length;
    runId = (await live.review.start({ passId: 'edge-case-hunt', specMarkdown: draft })).runId;
    await standin.waitForRequests(requestsBefore + 1);

    // Shut down while the embedded server is starting: its process exists, its PostgreSQL may be coming up.
    const starting = live.embeddedServer.start(0, undefined).then(
      () => 'started',
      (error: unknown) => error,
    );
    await until(() => embeddedServerTree() !== null, 30_000, 'the embedded server process exists');
    const tree = embeddedServerTree()!;

    const failures = await disposeHostServices(live);
    assert.deepEqual(failures, []);

    const runDone = moments.findIndex((m) => m.name === 'review.runDone');
    const serverStopped = moments.findIndex((m) => m.name === 'server.status' && m.serverState === 'stopped');
    assert.ok(runDone >= 0, 'the run ended');
    assert.ok(serverStopped > runDone, `the server stopped after the run had ended: ${JSON.stringify(moments)}`);
    assert.equal(moments[serverStopped].runStatus, 'done');
    assert.equal(moments[runDone].storeOpen, true, 'the store was open while the run ended');
    assert.equal(moments[serverStopped].storeOpen, true, 'the store was still open when the server stopped');
    assert.equal(live.store.isOpen, false, 'the store closed last');

    assert.equal(live.review.status(runId).passes[0].status, 'cancelled');
    const result = await starting;
    assert.ok(result === 'started' || shuttingDown(result), `start ended with ${String(result)}`);
    assert.equal(live.embeddedServer.current().state, 'stopped');
    const left = [tree, ...tree.descendants].filter((p) => running(p.pid));
    assert.deepEqual(left.map((p) => `${p.pid} ${p.args}`), [], 'no embedded server or PostgreSQL process is left');
  });

  it('is idempotent, and the disposed services refuse new work', async () => {
    const services = createHostServices({ dataDir: tempDir('specbench-services-'), emit: () => undefined, reviewEnv: {} });
    services.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    const first = disposeHostServices(services);
    assert.equal(disposeHostServices(services), first, 'a second call returns the same disposal');
    assert.deepEqual(await first, []);
    assert.equal(services.store.isOpen, false);
    assert.equal(services.review.dispose(), services.review.dispose(), 'each service disposes once');
    assert.equal(services.embeddedServer.dispose(), services.embeddedServer.dispose());
    assert.deepEqual(await disposeHostServices(services), []);
    assert.equal(services.store.isOpen, false);

    await assert.rejects(services.review.start({ all: true, specMarkdown: draft, offline: true }), shuttingDown);
    await assert.rejects(services.review.clarify(draft, true), shuttingDown);
    await assert.rejects(services.embeddedServer.start(0, undefined), shuttingDown);
    await assert.rejects(services.validator.run({ specMarkdown: draft, path: null, specId: null, defects: 'none' }), shuttingDown);
  });

  it('reports a failing step and still runs the later ones', async () => {
    const dataDir = tempDir('specbench-services-');
    class FailingReview extends ReviewService {
      override dispose(): Promise<void> {
        return Promise.reject(new Error('review would not stop'));
      }
    }
    const services: HostServices = {
      ...createHostServices({ dataDir, emit: () => undefined }),
      review: new FailingReview({ dataDir, env: {}, keyVault: null, emit: () => undefined }),
    };
    services.store.open();
    const failures = await disposeHostServices(services);
    assert.deepEqual(
      failures.map((f) => [f.service, f.error.message]),
      [['review', 'review would not stop']],
    );
    await assert.rejects(services.embeddedServer.start(0, undefined), shuttingDown, 'the embedded server was still disposed');
    assert.equal(services.store.isOpen, false, 'the store was still closed');
  });
});
