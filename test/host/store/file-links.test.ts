import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../../core/contract/define.js';
import type { OperationName, ResultOf } from '../../../core/contract/operations.js';
import { lintSpec, resolveLintConfig, ruleIds } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { createSpecStore, type SpecStore } from '../../../host/store/spec-store.js';
import { sample, samplesDir, tempDir, withAcChange } from './helpers.js';

/** One host process: its own SpecStore on the shared data folder, its own handlers (a browser-mode port). */
function host(t: Parameters<typeof tempDir>[0], dataDir: string) {
  const store: SpecStore = createSpecStore(dataDir);
  const emit = () => undefined;
  const ctx: HostContext = { mode: 'browser', version: 'test', dataDir, initialPath: null, dialogs: null, emit, ...createHostServices({ dataDir, emit, store, reviewEnv: {} }) };
  t.after(() => disposeHostServices(ctx));
  const handlers = createHandlers(ctx);
  return {
    store,
    async call<K extends OperationName>(name: K, args: unknown): Promise<ResultOf<K>> {
      const envelope: Envelope<unknown> = await dispatch(handlers, name, args);
      if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as ResultOf<K>;
    },
    raw: (name: OperationName, args: unknown) => dispatch(handlers, name, args),
  };
}

/** A scratch copy of the magic-link sample in its own folder (never the tracked file). */
function specFile(t: Parameters<typeof tempDir>[0], name = 'magic-link.md'): { dir: string; path: string } {
  const dir = tempDir(t, 'specbench-files-');
  const path = join(dir, name);
  copyFileSync(join(samplesDir, 'magic-link.md'), path);
  return { dir, path };
}

const markdown = sample('magic-link.md');

test('the same file opened on two ports gets one library spec and one history', async (t) => {
  const dataDir = tempDir(t);
  const portA = host(t, dataDir);
  const portB = host(t, dataDir);
  const { path } = specFile(t);

  assert.equal(await portA.call('specs.forFile', { path }), null, 'a file never edited has no spec');
  // Both windows start editing before either knows of the other: the host creates one spec.
  const [a, b] = await Promise.all([
    portA.call('specs.create', { source: { kind: 'markdown', markdown, fileName: 'magic-link.md' }, file: path }),
    portB.call('specs.create', { source: { kind: 'markdown', markdown, fileName: 'magic-link.md' }, file: path }),
  ]);
  assert.equal(a.spec.id, b.spec.id);
  assert.deepEqual([a.created, b.created].sort(), [false, true]);

  await portA.call('drafts.save', { specId: a.spec.id, markdown: `${markdown}\ntyped on port A\n` });
  const seenByB = await portB.call('specs.forFile', { path });
  assert.equal(seenByB?.spec.id, a.spec.id);
  assert.equal(seenByB?.draft?.markdown, `${markdown}\ntyped on port A\n`, 'port B restores the draft typed on port A');

  const edited = withAcChange(markdown, 3, 'within 1 s');
  writeFileSync(path, edited);
  await portB.call('versions.save', { specId: b.spec.id, markdown: edited, file: path });
  assert.equal((await portA.call('specs.list', {})).specs.length, 1);
  assert.deepEqual((await portA.call('versions.list', { specId: a.spec.id })).versions.map((v) => v.number), [2, 1]);
});

test('a symlink and its target are one file: one spec', async (t) => {
  const api = host(t, tempDir(t));
  const { dir, path } = specFile(t);
  const alias = join(dir, 'alias.md');
  symlinkSync(path, alias);
  const created = await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: alias });
  assert.equal((await api.call('specs.forFile', { path }))?.spec.id, created.spec.id);
  const again = await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: path });
  assert.equal(again.created, false);
});

test('a spec file moved or renamed on disk is found by its content hash, the link follows it, and history continues', async (t) => {
  const api = host(t, tempDir(t));
  const { dir, path } = specFile(t);
  const created = await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: path });
  const edited = withAcChange(markdown, 2, 'for every address');
  writeFileSync(path, edited);
  await api.call('versions.save', { specId: created.spec.id, markdown: edited, file: path, message: 'before the move' });

  mkdirSync(join(dir, 'moved'));
  const moved = join(dir, 'moved', 'renamed.md');
  renameSync(path, moved);
  const reopened = await api.call('specs.forFile', { path: moved });
  assert.equal(reopened?.spec.id, created.spec.id, 'found by the hash of its text');
  assert.equal(reopened?.head.number, 2);

  const again = withAcChange(edited, 4, 'after the move');
  writeFileSync(moved, again);
  await api.call('versions.save', { specId: created.spec.id, markdown: again, file: moved, message: 'after the move' });
  // The link now names the new path (its new hash no longer matches the old text), and the old path is free.
  assert.equal((await api.call('specs.forFile', { path: moved }))?.spec.id, created.spec.id);
  copyFileSync(join(samplesDir, 'magic-link.md'), path);
  assert.equal(await api.call('specs.forFile', { path }), null, 'a new file at the old path is not the moved spec');
  const history = (await api.call('versions.list', { specId: created.spec.id })).versions;
  assert.deepEqual(history.map((v) => [v.number, v.message]), [[3, 'after the move'], [2, 'before the move'], [1, 'Created from Markdown']]);
  assert.equal((await api.call('specs.list', {})).specs.length, 1);
});

test('a copy of a linked file whose original is still there is a new document, not the same spec', async (t) => {
  const api = host(t, tempDir(t));
  const { dir, path } = specFile(t);
  await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: path });
  const copy = join(dir, 'copy.md');
  copyFileSync(path, copy);
  assert.equal(await api.call('specs.forFile', { path: copy }), null);
});

test('readiness is computed on the host with the .specbench.json beside the file; the contract refuses a client score', async (t) => {
  const api = host(t, tempDir(t));
  const { dir, path } = specFile(t, 'draft.md');
  const weak = sample('magic-link-draft.md');
  writeFileSync(path, weak);
  const config = { rules: Object.fromEntries(ruleIds.filter((id) => id.startsWith('ac/')).map((id) => [id, 'off' as const])) };
  writeFileSync(join(dir, '.specbench.json'), JSON.stringify(config));
  const expected = lintSpec(parseSpec(weak), { config: resolveLintConfig(config) }).readiness.score;
  const defaults = lintSpec(parseSpec(weak)).readiness.score;
  assert.notEqual(expected, defaults, 'the config must change the score for this test to mean anything');

  const created = await api.call('specs.create', { source: { kind: 'markdown', markdown: weak }, file: path });
  assert.equal(created.version.readiness, expected);
  const edited = `${weak}\n`;
  const saved = await api.call('versions.save', { specId: created.spec.id, markdown: edited });
  assert.equal(saved.version.readiness, lintSpec(parseSpec(edited), { config: resolveLintConfig(config) }).readiness.score, 'the linked file’s config applies without `file`');

  const refused = await api.raw('versions.save', { specId: created.spec.id, markdown: `${weak}\n\n`, readiness: 100 });
  assert.ok(!refused.ok && refused.error.code === 'INVALID_ARGUMENTS', 'readiness is not accepted from a client');
  const refusedCreate = await api.raw('specs.create', { source: { kind: 'markdown', markdown: weak }, readiness: 100 });
  assert.ok(!refusedCreate.ok && refusedCreate.error.code === 'INVALID_ARGUMENTS');
});

test('a file whose spec was trashed opens unlinked, and editing it again starts a new spec', async (t) => {
  const api = host(t, tempDir(t));
  const { path } = specFile(t);
  const first = await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: path });
  await api.call('specs.trash', { id: first.spec.id });
  assert.equal(await api.call('specs.forFile', { path }), null);
  const second = await api.call('specs.create', { source: { kind: 'markdown', markdown }, file: path });
  assert.equal(second.created, true);
  assert.notEqual(second.spec.id, first.spec.id);
  await api.call('specs.emptyTrash', {});
  assert.equal((await api.call('specs.forFile', { path }))?.spec.id, second.spec.id);
});

test('a folder import scores each file with the folder’s .specbench.json', async (t) => {
  const api = host(t, tempDir(t));
  const { dir, path } = specFile(t, 'draft.md');
  const weak = sample('magic-link-draft.md');
  writeFileSync(path, weak);
  const config = { rules: Object.fromEntries(ruleIds.filter((id) => id.startsWith('ac/')).map((id) => [id, 'off' as const])) };
  writeFileSync(join(dir, '.specbench.json'), JSON.stringify(config));
  const { imported } = await api.call('specs.import', { path: dir });
  const [spec] = (await api.call('specs.list', {})).specs;
  assert.equal(imported.length, 1);
  assert.equal(spec.readiness, lintSpec(parseSpec(weak), { config: resolveLintConfig(config) }).readiness.score);
});
