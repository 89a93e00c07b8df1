import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test, type TestContext } from 'node:test';
import { appRoot } from '../../../../host/paths.js';
import type { TeamEvent } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

const script = join(appRoot, 'test', 'host', 'team', 'events', 'support', 'events-process.ts');

interface Line {
  ready?: boolean;
  published?: boolean;
  failed?: string;
  received?: TeamEvent;
  receivedAt?: number;
}

/** A child Node process running its own event feed (a stand-in `team serve`), with its stdout as parsed lines. */
function startProcess(t: TestContext, url: string, channel: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', script, url, channel], { cwd: appRoot, stdio: 'pipe' });
  const lines: Line[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as Line);
    for (const w of [...waiters]) w();
  });
  const exited = once(child, 'exit');
  t.after(async () => {
    if (child.exitCode === null) {
      child.stdin.end('close\n');
      await exited;
    }
  });
  return {
    lines,
    send: (command: string) => child.stdin.write(`${command}\n`),
    async close() {
      child.stdin.end('close\n');
      const [code] = await exited;
      return code as number | null;
    },
    waitFor(match: (line: Line) => boolean, what: string, timeoutMs = 20_000): Promise<Line> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; stderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

test('AC-5: an event published in one process reaches the other process within 1 s, once', async (t) => {
  const database = await acquireDatabase('events_processes');
  t.after(() => database.release());
  const channel = 'specbench_events';
  const one = startProcess(t, database.url, channel);
  const two = startProcess(t, database.url, channel);
  // Node plus tsx start-up is slow on a busy machine: readiness has its own generous wait.
  await Promise.all([one.waitFor((l) => l.ready === true, 'process one listening'), two.waitFor((l) => l.ready === true, 'process two listening')]);

  const event = { name: 'team.versionSaved', payload: { specId: 3, version: 4, by: { accountId: 'acc-9', name: 'Ada' } }, specId: 3, by: { accountId: 'acc-9', name: 'Ada' } };
  one.send(`publish ${JSON.stringify(event)}`);
  await one.waitFor((l) => l.published === true, 'the publish acknowledged');
  const got = await two.waitFor((l) => l.received?.name === 'team.versionSaved', 'the event in process two', 5000);
  // Both times come from the same machine's clock: publish time in one, arrival in the other.
  const latency = got.receivedAt! - got.received!.at;
  assert.ok(latency >= 0 && latency < 1000, `delivered across processes after ${latency} ms`);
  assert.deepEqual(got.received!.payload, event.payload);

  // A second event marks the end: by then any duplicate of the first would have arrived.
  one.send(`publish ${JSON.stringify({ name: 'team.threadsChanged', payload: { specId: 3 }, specId: 3, by: null })}`);
  await two.waitFor((l) => l.received?.name === 'team.threadsChanged', 'the second event in process two', 5000);
  await one.waitFor((l) => l.received?.name === 'team.threadsChanged', 'the second event in process one', 5000);
  assert.equal(two.lines.filter((l) => l.received?.name === 'team.versionSaved').length, 1, 'once in the other process');
  assert.equal(one.lines.filter((l) => l.received?.name === 'team.versionSaved').length, 1, 'once in the publishing process');
  assert.equal(await one.close(), 0);
  assert.equal(await two.close(), 0);
});
