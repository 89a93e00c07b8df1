import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { EncryptedFileKeyVault, KEY_FILE } from '../../../host/ai/key-vault.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, tempDir } from './helpers.js';
import { memoryKeyEncryptor, testContext } from './host-context.js';

const KEY = 'sk-ant-api03-SECRET-0123456789abcdefghij-XYZ';
const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The key in any spelling a careless write could leave it in. */
const spellings = [KEY, Buffer.from(KEY).toString('base64'), Buffer.from(KEY).toString('hex'), JSON.stringify(KEY)];

describe('API key safety (FR-8, AC-7)', () => {
  let standin: StandinServer;
  const logged: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  before(async () => {
    standin = await StandinServer.start();
    // Whatever anything prints while these tests run is checked for the key too.
    for (const name of Object.keys(originals) as Array<keyof typeof originals>) {
      console[name] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    }
  });
  after(async () => {
    Object.assign(console, originals);
    await standin.close();
  });

  it('keeps a key stored in Settings out of every file in the data folder and out of every result', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir, { keyVault: new EncryptedFileKeyVault(dataDir, memoryKeyEncryptor()), env: { SPECBENCH_ALLOW_LOOPBACK_AI: '1' } });
    const handlers = createHandlers(ctx);
    const results: unknown[] = [];
    const call = async (name: string, args: unknown) => {
      const envelope = await dispatch(handlers, name, args);
      results.push(envelope);
      assert.ok(envelope.ok, `${name}: ${JSON.stringify(envelope)}`);
      return envelope.value as Record<string, unknown>;
    };

    const set = await call('review.settings.set', { apiKey: KEY, baseURL: standin.url, maxRetries: 0 });
    assert.equal(set.keyConfigured, true);
    assert.equal(set.keySource, 'vault');
    assert.equal(set.canStoreKey, true);
    await call('review.settings.get', {});
    await call('review.passes', {});

    standin.enqueue(
      { kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }) },
      { kind: 'tool', name: 'ask_clarifying_questions', chunks: findingChunks({ questions: [{ section: 'functional', question: 'Limit?', recommended: '5 per hour.', alternatives: ['3 per hour.'] }] }, 'questions') },
    );
    const { spec, version } = ctx.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    const started = await call('review.run', { passId: 'edge-case-hunt', specMarkdown: draft, specId: spec.id, versionHash: version.contentHash });
    assert.equal(started.mode, 'online');
    let status: Record<string, unknown>;
    for (;;) {
      status = await call('review.status', { runId: started.runId });
      if (status.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const findings = (status.passes as Array<{ findings: Array<{ finding: { id: string } }> }>)[0].findings;
    assert.equal(findings.length, 1);
    await call('review.findingState.set', { specId: spec.id, contentHash: version.contentHash, findingId: findings[0].finding.id, state: 'dismissed' });
    await call('review.findingState.list', { specId: spec.id, contentHash: version.contentHash });
    const clarify = await call('review.clarify', { specMarkdown: draft });
    assert.equal(clarify.mode, 'online');
    await call('review.brief', { specMarkdown: draft, target: { kind: 'endpoint', method: 'POST', path: '/auth/magic-link/request' } });
    ctx.store.close();

    // The key did reach the API, and only there.
    assert.deepEqual(standin.requests.map((r) => r.credential), [KEY, KEY]);

    const visible = JSON.stringify([results, ctx.events]);
    for (const s of spellings) assert.ok(!visible.includes(s), 'the key appears in an operation result or event');

    const files = filesUnder(dataDir);
    assert.ok(files.some((f) => f.endsWith(KEY_FILE)), 'the key was stored (encrypted)');
    assert.ok(files.some((f) => f.endsWith('.db')), 'the store wrote its database here too');
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const s of spellings) assert.ok(!bytes.includes(Buffer.from(s)), `${file} holds the key in plain text`);
    }
    for (const line of logged) for (const s of spellings) assert.ok(!line.includes(s), 'the key was logged');

    // Clearing it leaves no key: the next run is offline.
    const cleared = await call('review.settings.set', { apiKey: null });
    assert.equal(cleared.keyConfigured, false);
    const offline = await call('review.run', { all: true, specMarkdown: draft });
    assert.equal(offline.mode, 'offline');
    assert.ok(!filesUnder(dataDir).some((f) => f.endsWith(KEY_FILE)));
  });

  it('in browser mode and the CLI reads the key only from ANTHROPIC_API_KEY and refuses to store one', async () => {
    const dataDir = tempDir();
    const ctx = testContext(dataDir, { env: { ANTHROPIC_API_KEY: KEY } });
    const handlers = createHandlers(ctx);
    const got = await dispatch(handlers, 'review.settings.get', {});
    assert.ok(got.ok);
    assert.equal((got.value as { keySource: string }).keySource, 'env');
    assert.equal((got.value as { canStoreKey: boolean }).canStoreKey, false);
    const refused = await dispatch(handlers, 'review.settings.set', { apiKey: 'sk-other' });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'UNSUPPORTED');
    assert.match(refused.error.message, /ANTHROPIC_API_KEY/);
    for (const s of spellings) assert.ok(!JSON.stringify([got, refused]).includes(s));
    ctx.store.close();
    for (const file of filesUnder(dataDir)) assert.ok(!readFileSync(file).includes(Buffer.from(KEY)));
  });

  it('refuses to store the key when the system offers no encryption, instead of writing it in plain text', async () => {
    const dataDir = tempDir();
    const vault = new EncryptedFileKeyVault(dataDir, { ...memoryKeyEncryptor(), isEncryptionAvailable: () => false });
    await assert.rejects(vault.set(KEY), /no encrypted storage/);
    assert.deepEqual(filesUnder(dataDir), []);
  });
});
