import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServerStatus } from '../../../core/contract/ops/server.js';
import { ServerManager } from '../../../host/server/server-manager.js';
import { embeddedServerTree } from './processes.js';

// Issue 10 FR-9: Stop works while the server starts — it cancels the launch, nothing is left running.
test('stop() during a start cancels the launch: the start rejects as cancelled, the state ends stopped, no process remains', async () => {
  const states: ServerStatus['state'][] = [];
  const manager = new ServerManager({ status: (s) => states.push(s.state), log: () => undefined });
  const starting = manager.start(0, undefined);
  const outcome = starting.then(
    () => 'started',
    (error: Error) => error.message,
  );
  // Stop as soon as the state says starting (as the panel's enabled Stop button allows).
  while (manager.current().state !== 'starting') await new Promise((r) => setTimeout(r, 5));
  await manager.stop();
  assert.match(await outcome, /cancelled by Stop/);
  assert.equal(manager.current().state, 'stopped');
  assert.equal(manager.current().error, null, 'a cancelled start is not reported as a failure');
  assert.ok(states.includes('stopping'), states.join(' → '));
  assert.ok(!states.includes('failed'), states.join(' → '));
  assert.equal(embeddedServerTree(), null, 'no embedded server process is left');
  // And the manager starts normally afterwards.
  const again = await manager.start(0, undefined);
  assert.equal(again.state, 'running');
  await manager.dispose();
});
