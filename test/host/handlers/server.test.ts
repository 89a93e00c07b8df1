import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dispatch } from '../../../host/handlers/dispatch.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { createBrowserContext } from '../../../host/launch/browser-context.js';
import { tempDir } from '../../support/temp-dir.js';

describe('server operations (validation and state, without starting PostgreSQL)', () => {
  const events: Array<[string, unknown]> = [];
  const context = createBrowserContext({ initialPath: null, emit: (name, payload) => void events.push([name, payload]), env: { SPECBENCH_HOME: join(tempDir('specbench-srv-'), 'home') } });
  const handlers = createHandlers(context);

  it('starts stopped, and refuses requests, outbox and reset until running', async () => {
    const status = await dispatch(handlers, 'server.status', {});
    assert.ok(status.ok);
    assert.equal((status.value as { state: string }).state, 'stopped');
    for (const [name, args] of [
      ['server.request', { method: 'GET', path: '/me' }],
      ['server.outbox', {}],
      ['server.reset', {}],
    ] as const) {
      const result = await dispatch(handlers, name, args);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.error.code, 'SERVER_NOT_RUNNING', name);
    }
  });

  it('only accepts a path on the embedded server, never a URL elsewhere', async () => {
    for (const path of ['http://example.com/', '//evil.example/x', '/\\evil.example', 'me', '/a b']) {
      const result = await dispatch(handlers, 'server.request', { method: 'GET', path });
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.error.code, 'INVALID_ARGUMENTS', path);
    }
  });

  it('lists the twelve defects and refuses an unknown one with the valid names', async () => {
    const defects = await dispatch(handlers, 'server.defects', {});
    assert.ok(defects.ok);
    if (defects.ok) assert.equal((defects.value as { defects: unknown[] }).defects.length, 12);
    const bad = await dispatch(handlers, 'server.start', { defect: 'no-such-defect' });
    assert.equal(bad.ok, false);
    if (!bad.ok) {
      assert.equal(bad.error.code, 'UNKNOWN_DEFECT');
      assert.match(bad.error.message, /plaintext-token/);
    }
    assert.equal(events.length, 0, 'a refused start changes no state');
  });
});
