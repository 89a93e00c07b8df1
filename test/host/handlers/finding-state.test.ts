import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createHostServices, disposeHostServices } from '../../../host/services.js';
import { tempDir } from '../store/helpers.js';

// Found by test/fuzz/handlers.test.ts: an unknown spec id reached the insert and came back INTERNAL.
test('review.findingState.set on a spec that does not exist is NOT_FOUND and records nothing', async (t) => {
  const dataDir = tempDir(t);
  const emit = () => undefined;
  const ctx = { mode: 'browser' as const, version: 'test', dataDir, initialPath: null, dialogs: null, emit, ...createHostServices({ dataDir, emit, reviewEnv: {} }) };
  const store = ctx.store;
  t.after(() => disposeHostServices(ctx));
  const handlers = createHandlers(ctx);
  const contentHash = 'a'.repeat(64);
  const result = await dispatch(handlers, 'review.findingState.set', { specId: 4242, contentHash, findingId: 'f-1', state: 'dismissed' });
  assert.equal(result.ok, false);
  assert.equal(result.ok ? '' : result.error.code, 'NOT_FOUND');
  assert.match(result.ok ? '' : result.error.message, /spec 4242/);
  assert.deepEqual(store.listFindingStates(4242, contentHash), []);
});

// Also found by the fuzz: a lone surrogate in the finding id was stored as U+FFFD, then not found (INTERNAL).
test('review.findingState.set refuses a finding id or note that is not valid Unicode', async (t) => {
  const dataDir = tempDir(t);
  const emit = () => undefined;
  const ctx = { mode: 'browser' as const, version: 'test', dataDir, initialPath: null, dialogs: null, emit, ...createHostServices({ dataDir, emit, reviewEnv: {} }) };
  const store = ctx.store;
  t.after(() => disposeHostServices(ctx));
  const handlers = createHandlers(ctx);
  const contentHash = 'b'.repeat(64);
  for (const args of [{ findingId: 'f\ud800' }, { findingId: 'f-1', note: 'x\udfff' }]) {
    const result = await dispatch(handlers, 'review.findingState.set', { specId: 1, contentHash, state: 'dismissed', ...args });
    assert.equal(result.ok ? '' : result.error.code, 'INVALID_ARGUMENTS');
    assert.match(result.ok ? '' : result.error.message, /lone surrogate/);
  }
});
