import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { startEmbeddedCluster } from '../../embedded-server/db/embedded-postgres.js';
import { createLogger } from '../../embedded-server/log.js';
import { groupAlive, waitForGroupExit } from './support/process-group.js';
import { postgresOn, postmasterOf, waitUntil } from './support/process-tree.js';
import { linesWithMsg, spawnMain } from './support/spawn-main.js';

// Issue 10 FR-6 / AC-5: PostgreSQL dying under load is a 503 phase, one state line each way, and
// recovery in the same server process; the server dying, even by SIGKILL, takes its PostgreSQL along.

interface Sample {
  at: number;
  status: number;
  body: string;
}

/** Four clients looping on a database-backed route until `until()` or the deadline; every answer recorded. */
async function load(url: string, until: (samples: readonly Sample[]) => boolean, deadlineMs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + deadlineMs;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline && !until(samples)) {
      try {
        const res = await fetch(`${url}/__dev/tokens?email=alice@example.com`, { signal: AbortSignal.timeout(3_000) });
        samples.push({ at: Date.now(), status: res.status, body: await res.text() });
      } catch (error) {
        samples.push({ at: Date.now(), status: 0, body: String(error) });
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return samples;
}

async function stopGroup(pgid: number): Promise<void> {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
  await waitForGroupExit(pgid, 3_000);
}

test('SIGKILL of the embedded PostgreSQL under load: 503 DATABASE_UNAVAILABLE, then 2xx within 10 s, same process, one line each way', async () => {
  const { child, output, ready } = spawnMain(['--port', '0', '--dev']);
  try {
    const url = await ready;
    const postmaster = postmasterOf(child.pid!);
    assert.ok(postmaster, 'the server runs an embedded postmaster');
    assert.equal((await load(url, (s) => s.length >= 20, 5_000)).every((s) => s.status === 200), true, 'healthy before the kill');

    let killedAt = 0;
    const killer = setTimeout(() => {
      killedAt = Date.now();
      process.kill(postmaster.pid, 'SIGKILL');
    }, 300);
    const recovered = (s: readonly Sample[]): boolean => {
      const firstDown = s.findIndex((x) => x.status === 503);
      return firstDown >= 0 && s.slice(firstDown).some((x) => x.status === 200);
    };
    const samples = await load(url, recovered, 15_000);
    clearTimeout(killer);

    const afterKill = samples.filter((s) => killedAt > 0 && s.at >= killedAt);
    const unavailable = afterKill.filter((s) => s.status === 503);
    assert.ok(unavailable.length > 0, 'requests during the outage get 503');
    for (const s of unavailable) assert.deepEqual(JSON.parse(s.body), { error: 'DATABASE_UNAVAILABLE' });
    const firstOk = afterKill.find((s) => s.status === 200 && s.at > unavailable[0]!.at);
    assert.ok(firstOk, `2xx again after the outage (saw ${[...new Set(afterKill.map((s) => s.status))].join(', ')})`);
    assert.ok(firstOk.at - killedAt < 10_000, `recovered in ${firstOk.at - killedAt} ms`);
    assert.deepEqual(
      samples.filter((s) => s.status !== 200 && s.status !== 503).map((s) => `${s.status} ${s.body}`),
      [],
      'nothing but 200 and 503: no 500, no dropped connection',
    );

    assert.equal(child.exitCode, null, 'the same server process answers');
    // The log is written asynchronously: the recovery line may reach stdout just after the first 2xx.
    await waitUntil(() => linesWithMsg(output, 'database available again').length > 0, 5_000);
    assert.equal(linesWithMsg(output, 'database unavailable').length, 1, 'the outage is logged once');
    assert.equal(linesWithMsg(output, 'database available again').length, 1, 'the recovery is logged once');
    assert.equal(linesWithMsg(output, 'unhandled error').length, 0);
    const restarted = postmasterOf(child.pid!);
    assert.ok(restarted && restarted.pid !== postmaster.pid, 'a new postmaster runs the same cluster');
    assert.equal(restarted.dataDir, postmaster.dataDir);
  } finally {
    await stopGroup(child.pid!);
  }
});

test('SIGKILL of the server process (not its group): no postgres process of it remains after 5 s', async () => {
  const { child, ready } = spawnMain(['--port', '0']);
  try {
    await ready;
    const postmaster = postmasterOf(child.pid!);
    assert.ok(postmaster);
    assert.ok(postgresOn(postmaster.dataDir, postmaster.pid).length > 0);
    child.kill('SIGKILL');
    const gone = await waitUntil(() => postgresOn(postmaster.dataDir, postmaster.pid).length === 0, 5_000);
    assert.ok(gone, `still running: ${postgresOn(postmaster.dataDir, postmaster.pid).join(', ')}`);
  } finally {
    await stopGroup(child.pid!);
  }
});

test('with --data-dir, a SIGKILLed server leaves nothing running and the next start reuses the cluster', async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specbench-recovery-'));
  // As root, PostgreSQL runs as the postgres user, which must traverse the folder.
  await chmod(root, 0o755);
  t.after(() => rm(root, { recursive: true, force: true }));
  const dataDir = path.join(root, 'pg');
  const first = spawnMain(['--port', '0', '--dev', '--data-dir', dataDir]);
  try {
    const url = await first.ready;
    assert.equal((await fetch(`${url}/__dev/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kept@example.com', status: 'active' }) })).status, 201);
    const postmaster = postmasterOf(first.child.pid!)!;
    first.child.kill('SIGKILL');
    assert.ok(await waitUntil(() => postgresOn(postmaster.dataDir, postmaster.pid).length === 0, 5_000), 'PostgreSQL went with its server');
  } finally {
    await stopGroup(first.child.pid!);
  }
  const second = spawnMain(['--port', '0', '--dev', '--data-dir', dataDir]);
  try {
    const url = await second.ready;
    const res = await fetch(`${url}/__dev/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kept@example.com', status: 'active' }) });
    assert.equal(res.status, 409, 'the user created before the crash is still there');
    assert.equal(linesWithMsg(second.output, 'PostgreSQL cannot start on the data dir; moving it aside and recreating it').length, 0);
  } finally {
    second.child.kill('SIGTERM');
    await waitForGroupExit(second.child.pid!, 10_000);
    if (groupAlive(second.child.pid!)) await stopGroup(second.child.pid!);
  }
});

test('with --database-url the server retries with backoff and recovers when that PostgreSQL is back', async (t) => {
  const cluster = await startEmbeddedCluster({ logger: createLogger({ level: 'silent' }) });
  t.after(() => cluster.stop());
  const { child, output, ready } = spawnMain(['--port', '0', '--dev'], { DATABASE_URL: cluster.connectionString() });
  try {
    const url = await ready;
    // The server migrated this external database a moment ago; a checkpoint puts those tables on
    // disk first, so the crash below loses the connection, not the schema (the test cluster runs
    // with synchronous_commit off, and a crash may otherwise drop its last commits).
    const admin = new pg.Client({ connectionString: cluster.connectionString() });
    await admin.connect();
    await admin.query('CHECKPOINT');
    await admin.end();
    const postmaster = postgresPid(cluster.dataDir);
    process.kill(postmaster, 'SIGKILL');
    assert.ok(await waitUntil(() => !cluster.isRunning(), 5_000));
    const down = await fetch(`${url}/__dev/tokens?email=alice@example.com`);
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), { error: 'DATABASE_UNAVAILABLE' });
    // Outside the server's control: PostgreSQL comes back a little later (lingering backends may delay it).
    await new Promise((r) => setTimeout(r, 1_000));
    for (let i = 0; i < 20 && !cluster.isRunning(); i += 1) await cluster.restart().catch(() => new Promise((r) => setTimeout(r, 250)));
    assert.ok(cluster.isRunning());
    let status = 0;
    let body = '';
    for (const deadline = Date.now() + 8_000; Date.now() < deadline && status !== 200; ) {
      const res = await fetch(`${url}/__dev/tokens?email=alice@example.com`);
      status = res.status;
      body = await res.text();
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 200, `recovered without a restart; last answer ${status} ${body}; server log:\n${output.slice(-15).join('\n')}`);
    assert.equal(child.exitCode, null);
    assert.equal(linesWithMsg(output, 'database unavailable').length, 1);
    assert.equal(linesWithMsg(output, 'database available again').length, 1);
  } finally {
    await stopGroup(child.pid!);
  }
});

/** The postmaster of a cluster this test process started: found by its data dir. */
function postgresPid(dataDir: string): number {
  const pm = postmasterOf(process.pid);
  assert.ok(pm && pm.dataDir === dataDir, 'the test cluster runs as a child of this process');
  return pm.pid;
}
