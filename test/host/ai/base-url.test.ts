import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { EncryptedFileKeyVault } from '../../../host/ai/key-vault.js';
import { reviewSettingsSchema, saveReviewSettings, loadReviewSettings } from '../../../host/ai/settings.js';
import { dispatch, type Handlers } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, tempDir } from './helpers.js';
import { memoryKeyEncryptor, testContext } from './host-context.js';

const KEY = 'sk-ant-api03-BASEURL-TEST-KEY-0123456789';
const OTHER_KEY = 'sk-ant-api03-SECOND-KEY-9876543210';
const FLAG = { SPECBENCH_ALLOW_LOOPBACK_AI: '1' };
const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

async function call<T = Record<string, unknown>>(handlers: Handlers, name: string, args: unknown): Promise<T> {
  const envelope = await dispatch(handlers, name, args);
  assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope)}`);
  return envelope.value as T;
}

/** Runs one model pass to the end; returns the run's mode. */
async function runPass(handlers: Handlers, standin: StandinServer | null): Promise<string> {
  standin?.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }) });
  const started = await call<{ runId: string; mode: string }>(handlers, 'review.run', { all: true, specMarkdown: draft });
  for (;;) {
    const status = await call<{ status: string }>(handlers, 'review.status', { runId: started.runId });
    if (status.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return started.mode;
}

describe('API base URL and the key (issue 10 FR-2, AC-2)', () => {
  let first: StandinServer;
  let second: StandinServer;
  before(async () => {
    first = await StandinServer.start();
    second = await StandinServer.start();
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('refuses plain http without the test flag, and http to anything but loopback even with it', async () => {
    const withoutFlag = createHandlers(testContext(tempDir(), { keyVault: new EncryptedFileKeyVault(tempDir(), memoryKeyEncryptor()), env: {} }));
    for (const baseURL of [first.url, 'http://localhost:8080', 'http://example.com']) {
      const refused = await dispatch(withoutFlag, 'review.settings.set', { baseURL });
      assert.ok(!refused.ok, baseURL);
      assert.equal(refused.error.code, 'INVALID_BASE_URL');
    }
    const withFlag = createHandlers(testContext(tempDir(), { env: FLAG }));
    const example = await dispatch(withFlag, 'review.settings.set', { baseURL: 'http://example.com' });
    assert.ok(!example.ok);
    assert.match(example.error.message, /must use https/);
    assert.equal((await call<{ baseURL: string }>(withFlag, 'review.settings.set', { baseURL: first.url })).baseURL, first.url);
    assert.equal((await call<{ baseURL: string }>(withoutFlag, 'review.settings.set', { baseURL: 'https://proxy.example.com/anthropic' })).baseURL, 'https://proxy.example.com/anthropic');
  });

  it('clears a stored key when the base URL changes: the new origin gets no key until it is entered again', async () => {
    const dataDir = tempDir();
    const handlers = createHandlers(testContext(dataDir, { keyVault: new EncryptedFileKeyVault(dataDir, memoryKeyEncryptor()), env: FLAG }));
    await call(handlers, 'review.settings.set', { apiKey: KEY, baseURL: first.url, maxRetries: 0 });
    assert.equal(await runPass(handlers, first), 'online');
    assert.ok(first.requests.length > 0);
    assert.ok(first.requests.every((r) => r.credential === KEY));

    const moved = await call<{ keyConfigured: boolean; baseURL: string }>(handlers, 'review.settings.set', { baseURL: second.url });
    assert.equal(moved.baseURL, second.url);
    assert.equal(moved.keyConfigured, false, 'the key was cleared with the change of origin');
    assert.equal(await runPass(handlers, null), 'offline');
    const clarify = await call<{ mode: string }>(handlers, 'review.clarify', { specMarkdown: draft });
    assert.equal(clarify.mode, 'offline');
    assert.equal(second.requests.length, 0, 'the new origin received no request, so no Authorization or x-api-key header');

    // Moving back does not bring the old key back either: it was cleared, not hidden.
    assert.equal((await call<{ keyConfigured: boolean }>(handlers, 'review.settings.set', { baseURL: first.url })).keyConfigured, false);
    await call(handlers, 'review.settings.set', { baseURL: second.url });

    await call(handlers, 'review.settings.set', { apiKey: OTHER_KEY });
    assert.equal(await runPass(handlers, second), 'online');
    assert.ok(second.requests.length > 0);
    assert.ok(second.requests.every((r) => r.credential === OTHER_KEY), 'only the key entered for the new origin reached it');
  });

  it('never sends a stored key to an origin written into the settings file behind its back', async () => {
    const dataDir = tempDir();
    const handlers = createHandlers(testContext(dataDir, { keyVault: new EncryptedFileKeyVault(dataDir, memoryKeyEncryptor()), env: FLAG }));
    await call(handlers, 'review.settings.set', { apiKey: KEY, baseURL: first.url, maxRetries: 0 });
    const before = second.requests.length;
    await saveReviewSettings(dataDir, { ...(await loadReviewSettings(dataDir)), baseURL: second.url });
    assert.equal((await call<{ keyConfigured: boolean }>(handlers, 'review.settings.get', {})).keyConfigured, false);
    assert.equal(await runPass(handlers, null), 'offline');
    assert.equal(second.requests.length, before);

    await saveReviewSettings(dataDir, { ...(await loadReviewSettings(dataDir)), baseURL: 'http://example.com' });
    const refused = await dispatch(handlers, 'review.run', { all: true, specMarkdown: draft });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'INVALID_BASE_URL');
  });

  it('binds ANTHROPIC_API_KEY to the endpoint the host started with (browser mode, no vault)', async () => {
    const dataDir = tempDir();
    await saveReviewSettings(dataDir, reviewSettingsSchema.parse({ baseURL: first.url, maxRetries: 0 }));
    const handlers = createHandlers(testContext(dataDir, { env: { ...FLAG, ANTHROPIC_API_KEY: KEY } }));
    const sent = first.requests.length;
    assert.equal(await runPass(handlers, first), 'online');
    assert.equal(first.requests.at(-1)?.credential, KEY);
    assert.ok(first.requests.length > sent);

    const before = second.requests.length;
    const moved = await call<{ keyConfigured: boolean }>(handlers, 'review.settings.set', { baseURL: second.url });
    assert.equal(moved.keyConfigured, false);
    assert.equal(await runPass(handlers, null), 'offline');
    assert.equal(second.requests.length, before, 'the environment key never reached the new origin');
  });
});
