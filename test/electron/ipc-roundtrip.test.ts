import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SpecbenchBridge } from '../../core/contract/bridge.js';
import { operationNames } from '../../core/contract/operation-names.js';
import type { OperationName } from '../../core/contract/operations.js';
import { APP_ORIGIN } from '../../host/desktop/window-options.js';
import type { HostContext } from '../../host/handlers/context.js';
import { disposeHostServices } from '../../host/services.js';
import { appRoot } from '../../host/paths.js';
import type { FakeIpcPair } from './support/fake-electron.js';
import { openDesktopSession, type DesktopSession } from './support/desktop-session.js';

// The desktop transport end to end without the Electron binary: the preload's bridge and main's
// registration, joined by an in-process IPC pair, over the real host handlers and a real store.
// The envelopes checked are those the browser-mode HTTP test (test/host/web/server.test.ts) checks.

const draft = readFileSync(join(appRoot, 'samples', 'magic-link-draft.md'), 'utf8');

describe('Electron IPC round trip (fake ipcMain/ipcRenderer/contextBridge, real handlers)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specbench-ipc-'));
  const dialogPicks = { open: join(dir, 'picked.md'), save: join(dir, 'saved.md'), folder: join(dir, 'folder') };
  let session: DesktopSession;
  let pair: FakeIpcPair;
  let context: HostContext;
  let bridge: SpecbenchBridge;

  before(async () => {
    // What electron/main.ts builds: electron mode, native dialogs, events sent to the window.
    session = await openDesktopSession({ dataDir: join(dir, 'home'), dialogs: dialogPicks });
    ({ pair, context, bridge } = session);
  });
  after(async () => {
    await disposeHostServices(context);
    rmSync(dir, { recursive: true, force: true });
  });

  const ok = <T = Record<string, unknown>>(name: OperationName, args: unknown): Promise<T> => session.ok<T>(name, args);
  const failure = (name: OperationName, args: unknown) => session.failure(name, args);

  it('registers one channel per operation and exposes exactly one function per operation plus subscribe', () => {
    assert.deepEqual(pair.registeredChannels().sort(), [...operationNames].sort());
    assert.deepEqual(Object.keys(bridge).sort(), [...operationNames, 'subscribe'].sort());
    for (const name of operationNames) assert.equal(typeof bridge[name], 'function', name);
  });

  it('refuses bad arguments of every operation on the receiving side (INVALID_ARGUMENTS naming the operation)', async () => {
    for (const name of operationNames) {
      const error = await failure(name, { notAnArgument: true });
      assert.equal(error.code, 'INVALID_ARGUMENTS', name);
      assert.ok(error.message.startsWith(`${name}: `), error.message);
    }
    const bad = await failure('files.read', { path: '' });
    assert.equal(bad.code, 'INVALID_ARGUMENTS');
    assert.match(bad.message, /path: path is empty/);
  });

  it('refuses every operation from an untrusted frame (FORBIDDEN) before any handler runs', async () => {
    pair.senderUrl = 'https://attacker.example/';
    try {
      for (const name of operationNames) assert.equal((await failure(name, {})).code, 'FORBIDDEN', name);
      const target = join(dir, 'forbidden.md');
      assert.equal((await failure('files.write', { path: target, content: 'x', bom: false })).code, 'FORBIDDEN');
      assert.equal(existsSync(target), false, 'the handler never ran');
    } finally {
      pair.senderUrl = `${APP_ORIGIN}/index.html`;
    }
    await ok('app.info', {});
  });

  it('has no channel for an unknown operation: no bridge function, and a raw invoke finds no handler', async () => {
    assert.equal((bridge as unknown as Record<string, unknown>)['files.delete'], undefined);
    assert.equal((bridge as unknown as Record<string, unknown>).invoke, undefined, 'no generic invoke');
    await assert.rejects(pair.ipcRenderer.invoke('files.delete', {}), /No handler registered for 'files.delete'/);
  });

  it('answers the file, lint and app operations with ok envelopes (dialogs from main)', async () => {
    const info = await ok<{ mode: string; version: string }>('app.info', {});
    assert.equal(info.mode, 'electron');
    const initial = await ok<{ name: string; content: string }>('app.initialDocument', {});
    assert.equal(initial.name, 'magic-link.md');
    assert.match(initial.content, /## Acceptance Criteria/);
    const path = join(dir, 'spec.md');
    assert.deepEqual(await ok('files.write', { path, content: '# Hi\n', bom: false }), { path, bytes: 5 });
    assert.equal((await ok<{ content: string }>('files.read', { path })).content, '# Hi\n');
    const denied = await failure('files.write', { path: join(dir, 'no-such-folder', 'x.md'), content: 'x' });
    assert.equal(denied.code, 'WRITE_FAILED');
    assert.match(denied.message, /could not save .*folder does not exist/);
    await ok('files.write', { path: dialogPicks.open, content: draft, bom: false });
    assert.equal((await ok<{ path: string } | null>('files.openDialog', {}))?.path, dialogPicks.open);
    assert.deepEqual(await ok('files.saveDialog', { defaultName: 'x.md' }), { path: dialogPicks.save });
    assert.deepEqual(await ok('files.folderDialog', {}), { path: dialogPicks.folder });
    await ok('lint.config', { path });
  });

  it('answers the library, version, draft, search and store operations with ok envelopes', async () => {
    const created = await ok<{ spec: { id: number } }>('specs.create', { source: { kind: 'template', template: 'agent-ready', title: 'IPC spec' } });
    const id = created.spec.id;
    const listed = await ok<{ specs: Array<{ id: number; title: string }> }>('specs.list', {});
    assert.ok(listed.specs.some((s) => s.id === id && s.title === 'IPC spec'));
    assert.equal((await ok<{ spec: { id: number } }>('specs.get', { id })).spec.id, id);
    await ok('specs.rename', { id, title: 'IPC spec renamed' });
    await ok('specs.archive', { id, archived: true });
    await ok('specs.archive', { id, archived: false });
    const saved = await ok<{ version: { number: number } }>('versions.save', { specId: id, markdown: draft });
    const versions = await ok<{ versions: Array<{ number: number }> }>('versions.list', { specId: id });
    assert.ok(versions.versions.length >= 2);
    await ok('versions.get', { specId: id, number: saved.version.number });
    await ok('versions.diff', { specId: id, from: 1, to: saved.version.number });
    await ok('versions.restore', { specId: id, number: 1 });
    await ok('drafts.save', { specId: id, markdown: `${draft}\nmore` });
    assert.ok(await ok('drafts.load', { specId: id }));
    await ok('drafts.discard', { specId: id });
    await ok('search.query', { query: 'magic' });
    const imported = await ok<{ imported: Array<{ file: string; specId: number }> }>('specs.import', { path: join(appRoot, 'samples') });
    const sample = imported.imported.find((f) => f.file.endsWith('magic-link.md'));
    assert.ok(sample, JSON.stringify(imported));
    await ok('specs.export', { id: sample.specId, path: join(dir, 'exported.md') });
    assert.match(readFileSync(join(dir, 'exported.md'), 'utf8'), /## Acceptance Criteria/);
    await ok('specs.trash', { id });
    await ok('specs.restore', { id });
    await ok('specs.trash', { id });
    await ok('specs.emptyTrash', { ids: [id] });
    assert.equal((await failure('specs.get', { id })).code, 'NOT_FOUND');
    await ok('store.info', {});
    const backup = join(dir, 'backup.sqlite');
    await ok('store.backup', { path: backup });
    assert.ok(existsSync(backup));
    await ok('store.restoreBackup', { path: backup });
  });

  it('answers the review operations and streams their events back through the bridge subscription', async () => {
    const passes = await ok<{ passes: Array<{ id: string }> }>('review.passes', {});
    assert.ok(passes.passes.length > 0);
    await ok('review.settings.get', {});
    await ok('review.settings.set', { maxTokens: 4096 });
    const targets = await ok<{ targets: unknown[] }>('review.briefTargets', { specMarkdown: draft });
    assert.ok(targets.targets.length > 0);
    await ok('review.brief', { specMarkdown: draft, target: targets.targets[0] });
    const clarify = await ok<{ questions: Array<{ section: string; quote: string; question: string }> }>('review.clarify', { specMarkdown: draft, offline: true });
    const question = clarify.questions[0];
    assert.ok(question, 'the offline clarifier asks about the draft');
    await ok('review.clarify.apply', { specMarkdown: draft, section: question.section, quote: question.quote, question: question.question, answer: 'Fifteen minutes.' });

    const runDone = new Promise<{ runId: string; status: string; mode: string }>((resolve) => {
      const stop = bridge.subscribe('review.runDone', (payload) => {
        stop();
        resolve(payload as { runId: string; status: string; mode: string });
      });
    });
    const { runId } = await ok<{ runId: string }>('review.run', { all: true, specMarkdown: draft });
    const done = await runDone;
    assert.deepEqual([done.runId, done.status, done.mode], [runId, 'done', 'offline']);
    assert.equal(pair.listenerCount('event:review.runDone'), 0, 'unsubscribe removed the listener');
    const status = await ok<{ status: string; merged: Array<{ id: string }> }>('review.status', { runId });
    assert.equal(status.status, 'done');
    await ok('review.cancel', { runId });
    const { spec, version } = context.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    await ok('review.findingState.set', { specId: spec.id, contentHash: version.contentHash, findingId: status.merged[0].id, state: 'dismissed' });
    const states = await ok<{ states: Array<{ findingId: string }> }>('review.findingState.list', { specId: spec.id, contentHash: version.contentHash });
    assert.deepEqual(states.states.map((s) => s.findingId), [status.merged[0].id]);
  });

  it('answers the embedded-server operations while it is stopped (ok, or SERVER_NOT_RUNNING)', async () => {
    assert.equal((await ok<{ state: string }>('server.status', {})).state, 'stopped');
    assert.deepEqual(await ok('server.logs', { limit: 10 }), { lines: [] });
    await ok('server.stop', {});
    for (const [name, args] of [['server.outbox', {}], ['server.tokens', {}], ['server.reset', {}], ['server.request', { method: 'GET', path: '/health' }]] as const) {
      assert.equal((await failure(name, args)).code, 'SERVER_NOT_RUNNING', name);
    }
    assert.equal((await failure('server.start', { port: 0, defect: 'no-such-defect-name' })).code, 'UNKNOWN_DEFECT');
  });

  it('carries validate.run to the validator and its refusals back (no criteria, unknown criterion) before any server starts', async () => {
    const none = await failure('validate.run', { specMarkdown: '# Nothing\n\n## Goals\n\nNo criteria here.\n' });
    assert.equal(none.code, 'INVALID_SPEC');
    assert.match(none.message, /no acceptance criteria found \(sections seen: .*Goals/);
    const unknown = await failure('validate.run', { specMarkdown: draft, acIds: ['AC-99'] });
    assert.equal(unknown.code, 'UNKNOWN_CRITERION');
    assert.match(unknown.message, /AC-99/);
    assert.equal((await failure('validate.run', { specMarkdown: draft, defects: 'some' })).code, 'INVALID_ARGUMENTS');
    const { spec } = context.store.createSpec({ source: { kind: 'markdown', markdown: draft } });
    assert.deepEqual(await ok('validate.runs', { specId: spec.id }), { runs: [] });
  });
});
