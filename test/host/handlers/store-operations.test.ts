import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';
import { changeLinesOf } from '../../../core/diff/describe.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHostServices } from '../../../host/services.js';
import { sampleSpecFiles, sampleSpecsDir, samplesDir, sample, tempDir, withAcChange } from '../store/helpers.js';

function context(t: Parameters<typeof tempDir>[0]): HostContext {
  const dataDir = tempDir(t);
  const services = createHostServices({ dataDir, emit: () => undefined });
  t.after(() => services.store.close());
  return { mode: 'browser', version: 'test', dataDir, initialPath: null, dialogs: null, emit: () => undefined, ...services };
}

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

test('the library, history, drafts, search and export operations work end to end through dispatch', async (t) => {
  const ctx = context(t);
  const handlers = createHandlers(ctx);
  const call = async <K extends Parameters<typeof dispatch>[1]>(name: K, args: unknown) => dispatch(handlers, name, args);

  const imported = value<ResultOf<'specs.import'>>(await call('specs.import', { path: sampleSpecsDir(t) }));
  assert.equal(imported.imported.length, sampleSpecFiles.length);
  const magic = imported.imported.find((i) => i.file === 'magic-link.md')!.specId;

  const created = value<ResultOf<'specs.create'>>(await call('specs.create', { source: { kind: 'template', template: 'agent-ready', title: 'Webhooks' } }));
  assert.equal(created.version.number, 1);

  const opened = value<ResultOf<'specs.get'>>(await call('specs.get', { id: magic }));
  const edited = withAcChange(opened.head.markdown, 5, 'edited in window A');
  const saved = value<ResultOf<'versions.save'>>(
    await call('versions.save', { specId: magic, markdown: edited, message: 'A', baseVersionId: opened.head.id }),
  );
  assert.deepEqual([saved.created, saved.newerVersionExists, saved.version.number], [true, false, 2]);
  const second = value<ResultOf<'versions.save'>>(await call('versions.save', { specId: magic, markdown: `${edited}\n`, baseVersionId: opened.head.id }));
  assert.equal(second.newerVersionExists, true);

  const history = value<ResultOf<'versions.list'>>(await call('versions.list', { specId: magic }));
  assert.deepEqual(history.versions.map((v) => v.number), [3, 2, 1]);
  assert.deepEqual(changeLinesOf(history.versions[1]), ['Acceptance Criteria: AC-5 modified']);

  const diff = value<ResultOf<'versions.diff'>>(await call('versions.diff', { specId: magic, from: 1, to: 2 }));
  assert.deepEqual(diff.description, ['Acceptance Criteria: AC-5 modified']);
  const restored = value<ResultOf<'versions.restore'>>(await call('versions.restore', { specId: magic, number: 1 }));
  assert.equal(restored.version.number, 4);
  const v1 = value<ResultOf<'versions.get'>>(await call('versions.get', { specId: magic, number: 4 }));
  assert.equal(v1.markdown, sample('magic-link.md'));

  value(await call('drafts.save', { specId: magic, markdown: 'typing…', cursor: { line: 2, column: 5 } }));
  assert.deepEqual(value<ResultOf<'drafts.load'>>(await call('drafts.load', { specId: magic }))?.cursor, { line: 2, column: 5 });
  assert.deepEqual(value(await call('drafts.discard', { specId: magic })), { discarded: true });

  const hits = value<ResultOf<'search.query'>>(await call('search.query', { query: 'auditors' }));
  assert.equal(hits.hits.length, 1);

  const listed = value<ResultOf<'specs.list'>>(await call('specs.list', { sort: 'title' }));
  assert.equal(listed.specs.length, sampleSpecFiles.length + 1, 'the samples and the new spec');
  const renamed = value<ResultOf<'specs.rename'>>(await call('specs.rename', { id: created.spec.id, title: 'Outgoing webhooks' }));
  assert.equal(renamed.title, 'Outgoing webhooks');
  value(await call('specs.archive', { id: created.spec.id, archived: true }));
  value(await call('specs.trash', { id: created.spec.id }));
  value(await call('specs.restore', { id: created.spec.id }));
  value(await call('specs.trash', { id: created.spec.id }));
  assert.deepEqual(value(await call('specs.emptyTrash', {})), { deleted: 1 });

  const out = tempDir(t);
  const exported = value<ResultOf<'specs.export'>>(await call('specs.export', { id: magic, version: 1, path: out }));
  assert.ok(readFileSync(exported.path!).equals(readFileSync(join(samplesDir, 'magic-link.md'))));

  const backup = value<ResultOf<'store.backup'>>(await call('store.backup', {}));
  const info = value<ResultOf<'store.info'>>(await call('store.info', {}));
  assert.deepEqual(info.backups.map((b) => b.path), [backup.path]);
  assert.equal(info.error, null);
  assert.equal(info.schemaVersion, info.appSchemaVersion);
});

test('bad arguments and missing specs come back as error envelopes with stable codes', async (t) => {
  const handlers = createHandlers(context(t));
  const missing = await dispatch(handlers, 'versions.list', { specId: 42 });
  assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND' && /spec 42/.test(missing.error.message));
  const invalid = await dispatch(handlers, 'versions.save', { specId: 0, markdown: 'x' });
  assert.ok(!invalid.ok && invalid.error.code === 'INVALID_ARGUMENTS');
  const extra = await dispatch(handlers, 'specs.list', { state: 'active', sql: 'DROP TABLE specs' });
  assert.ok(!extra.ok && extra.error.code === 'INVALID_ARGUMENTS');
  const emptyQuery = await dispatch(handlers, 'search.query', { query: '   ' });
  assert.ok(!emptyQuery.ok && emptyQuery.error.code === 'INVALID_ARGUMENTS');
});
