import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { reviewSettingsSchema, saveReviewSettings } from '../../../host/ai/settings.js';
import { disposeHostServices } from '../../../host/services.js';
import { serveBrowserMode, type BrowserModeHost } from '../../../host/web/serve.js';
import { findingChunks, StandinServer } from '../ai/standin-server.js';
import { modelFinding, tempDir } from '../ai/helpers.js';
import { groupAlive, waitForGroupExit } from '../../embedded-server/support/process-group.js';
import { embeddedServerTree, running } from '../server/processes.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

async function call<T = Record<string, unknown>>(host: BrowserModeHost, name: string, args: unknown): Promise<T> {
  const response = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-specbench-token': host.token },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

describe('browser mode shutdown (issue 9: shutdown while a review pass or the embedded server runs)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('close() cancels the review run, stops the embedded server and its PostgreSQL, and closes the store', { timeout: 180_000 }, async () => {
    const home = join(tempDir('specbench-serve-'), 'home');
    await saveReviewSettings(home, reviewSettingsSchema.parse({ baseURL: standin.url, maxRetries: 0 }));
    const logged: string[] = [];
    const host = await serveBrowserMode(['--port', '0'], (line) => logged.push(line), { ...process.env, SPECBENCH_HOME: home, ANTHROPIC_API_KEY: 'sk-ant-test-key', SPECBENCH_ALLOW_LOOPBACK_AI: '1' });
    // Should close() ever leave a service running, this still stops it, so the failure is reported instead of hanging.
    after(async () => {
      await host.close();
      await disposeHostServices(host.services);
    });
    assert.ok(logged.some((l) => l.includes(host.url)));

    // The store is in use…
    await call(host, 'specs.create', { source: { kind: 'markdown', markdown: draft } });
    assert.equal(host.services.store.isOpen, true);

    // …a model pass is streaming (the stand-in keeps the reply open like a slow model)…
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }), holdOpen: true });
    const requestsBefore = standin.requests.length;
    const run = await call<{ runId: string; mode: string }>(host, 'review.run', { passId: 'edge-case-hunt', specMarkdown: draft });
    assert.equal(run.mode, 'online');
    await standin.waitForRequests(requestsBefore + 1);

    // …and the embedded server runs on a real embedded PostgreSQL.
    const status = await call<{ state: string; port: number }>(host, 'server.start', { port: 0 });
    assert.equal(status.state, 'running');
    const tree = embeddedServerTree();
    assert.ok(tree, 'the embedded server is a child of this process');
    assert.ok(tree.descendants.some((p) => /postgres/.test(p.args)), `its PostgreSQL runs under it:\n${tree.descendants.map((p) => p.args).join('\n')}`);

    await host.close();

    const snapshot = host.services.review.status(run.runId);
    assert.equal(snapshot.status, 'done');
    assert.equal(snapshot.passes[0].status, 'cancelled');
    await standin.requests[requestsBefore].done;
    assert.equal(standin.requests[requestsBefore].closedByClient, true, 'the model request was aborted');

    assert.equal(host.services.embeddedServer.current().state, 'stopped');
    await waitForGroupExit(tree.pid, 3_000);
    assert.ok(!groupAlive(tree.pid), 'no process of the embedded server group is left');
    const left = [tree, ...tree.descendants].filter((p) => running(p.pid));
    assert.deepEqual(left.map((p) => `${p.pid} ${p.args}`), [], 'no embedded server or PostgreSQL process is left');

    assert.equal(host.services.store.isOpen, false, 'the store is closed');
    await assert.rejects(fetch(`${host.url}api/app.info`, { method: 'POST' }), 'the host no longer answers');
    await host.close(); // a second close is harmless
  });
});
