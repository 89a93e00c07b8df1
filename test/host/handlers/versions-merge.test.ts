import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from '../../../core/contract/define.js';
import type { ResultOf } from '../../../core/contract/operations.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { sample, tempDir, withAcChange } from '../store/helpers.js';

function value<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) assert.fail(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

// Two windows on one local library are the team's concurrent edit in small (issue 15 FR-6).
test('local versions.save merges a stale save by section and reports a same-section conflict without saving', async (t) => {
  const dataDir = tempDir(t);
  const services = createHostServices({ dataDir, emit: () => undefined });
  t.after(() => disposeHostServices(services));
  const ctx: HostContext = { mode: 'browser', version: 'test', dataDir, initialPath: null, dialogs: null, emit: () => undefined, ...services };
  const handlers = createHandlers(ctx);
  const call = async <K extends Parameters<typeof dispatch>[1]>(name: K, args: unknown) => dispatch(handlers, name, args);

  const text = sample('magic-link.md');
  const created = value<ResultOf<'specs.create'>>(await call('specs.create', { source: { kind: 'markdown', markdown: text } }));
  const base = created.version.id;
  const inA = text.replace('## Context\n', '## Context\nWindow A was here.\n');
  value(await call('versions.save', { specId: created.spec.id, markdown: inA, baseVersionId: base }));

  const inB = withAcChange(text, 2, 'window B');
  const merged = value<ResultOf<'versions.save'>>(await call('versions.save', { specId: created.spec.id, markdown: inB, baseVersionId: base }));
  assert.equal(merged.merge?.status, 'merged');
  const head = value<ResultOf<'versions.get'>>(await call('versions.get', { specId: created.spec.id, number: 3 }));
  assert.equal(head.markdown, withAcChange(inA, 2, 'window B'));

  const conflicting = withAcChange(text, 2, 'window C');
  const conflict = value<ResultOf<'versions.save'>>(await call('versions.save', { specId: created.spec.id, markdown: conflicting, baseVersionId: base }));
  assert.equal(conflict.merge?.status, 'conflict');
  assert.deepEqual([conflict.created, conflict.version.number], [false, 3]);
  const list = value<ResultOf<'versions.list'>>(await call('versions.list', { specId: created.spec.id }));
  assert.equal(list.versions.length, 3);
  const draft = value<ResultOf<'drafts.load'>>(await call('drafts.load', { specId: created.spec.id }));
  assert.equal(draft?.markdown, conflicting);
});
