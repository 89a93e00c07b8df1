import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../embedded-server/db/embedded-postgres.js';
import { sweepAbandonedTempClusters } from '../../embedded-server/db/temp-sweep.js';
import { createLogger } from '../../embedded-server/log.js';
import { isAlive } from '../../embedded-server/db/postmaster.js';

// The edge case "data dir left by a crash → recovered or recreated; never a hang".
const logger = createLogger({ level: 'silent' });
let root: string;
before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'specbench-pgtest-'));
  await chmod(root, 0o755);
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(cluster: EmbeddedCluster, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.connectionString() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}


test('a temporary cluster (copied from the template) gets its own password and is deleted on stop', async () => {
  const cluster = await startEmbeddedCluster({ logger });
  assert.deepEqual(await query(cluster, 'SELECT 1 AS one'), [{ one: 1 }]);
  const templatePassword = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', password: 'specbench-template', database: 'postgres' });
  await assert.rejects(templatePassword.connect(), /password authentication failed/);
  await cluster.stop();
  await cluster.stop();
  await assert.rejects(stat(path.dirname(cluster.dataDir)));
});

test('a persistent cluster keeps its data across restarts, stale locks and a broken config', async () => {
  const dataDir = path.join(root, 'keep');
  const first = await startEmbeddedCluster({ dataDir, logger });
  await query(first, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
  await first.stop();

  // A postmaster.pid naming a dead process, then one naming a live unrelated process (pid reuse).
  for (const pid of [2 ** 22 + 12345, process.pid]) {
    await writeFile(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dataDir}\n`);
    const again = await startEmbeddedCluster({ dataDir, logger, startTimeoutMs: 10_000 });
    try {
      assert.deepEqual(await query(again, 'SELECT v FROM kept'), [{ v: 42 }]);
    } finally {
      await again.stop();
    }
  }

  // A cluster PostgreSQL refuses to start on is moved aside and replaced.
  await writeFile(path.join(dataDir, 'postgresql.conf'), 'this is not a setting\n');
  const recreated = await startEmbeddedCluster({ dataDir, logger, startTimeoutMs: 10_000 });
  try {
    assert.deepEqual(await query(recreated, 'SELECT 1 AS one'), [{ one: 1 }]);
  } finally {
    await recreated.stop();
  }
  assert.ok((await readdir(root)).some((name) => name.startsWith('keep.broken-')), 'the broken cluster is kept aside');
});

test('a PostgreSQL orphaned by a crashed server is stopped and the data dir reused', async () => {
  const dataDir = path.join(root, 'orphan');
  const fixture = fileURLToPath(new URL('./support/crash-cluster.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
  });
  const orphanPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(isAlive(orphanPid), 'the crash left PostgreSQL running');

  const cluster = await startEmbeddedCluster({ dataDir, logger, startTimeoutMs: 10_000 });
  try {
    const state = await readFile(`/proc/${orphanPid}/stat`, 'utf8').catch(() => '');
    assert.ok(!isAlive(orphanPid) || state.includes(') Z'), 'the orphan is gone (at most an unreaped zombie)');
    assert.deepEqual(await query(cluster, 'SELECT 1 AS one'), [{ one: 1 }]);
  } finally {
    await cluster.stop();
  }
});

test('an unfinished cluster (crash during initdb) is recreated; a foreign folder or cluster is refused untouched', async () => {
  const unfinished = path.join(root, 'unfinished');
  await mkdir(path.join(unfinished, 'base'), { recursive: true });
  await writeFile(path.join(unfinished, 'PG_VERSION'), '18\n');
  const cluster = await startEmbeddedCluster({ dataDir: unfinished, logger });
  await cluster.stop();

  const foreign = path.join(root, 'foreign');
  await mkdir(foreign);
  await writeFile(path.join(foreign, 'notes.txt'), 'mine');
  await assert.rejects(startEmbeddedCluster({ dataDir: foreign, logger }), /not empty and is not a PostgreSQL cluster/);
  assert.equal(await readFile(path.join(foreign, 'notes.txt'), 'utf8'), 'mine');

  const someoneElses = path.join(root, 'someone-elses');
  await mkdir(someoneElses);
  await writeFile(path.join(someoneElses, 'PG_VERSION'), '18\n');
  await writeFile(path.join(someoneElses, 'postmaster.opts'), 'postgres -D elsewhere\n');
  await assert.rejects(startEmbeddedCluster({ dataDir: someoneElses, logger }), /did not create/);
  assert.ok(await stat(path.join(someoneElses, 'PG_VERSION')));
});

test('temporary clusters abandoned by a killed server are swept; live or recent ones are kept', async () => {
  const make = async (name: string, pid: number | null, ageMs: number): Promise<string> => {
    const dir = path.join(os.tmpdir(), `specbench-pg-sweeptest-${name}-${process.pid}`);
    await mkdir(path.join(dir, 'data'), { recursive: true });
    if (pid !== null) await writeFile(path.join(dir, 'data', 'postmaster.pid'), `${pid}\n`);
    const when = new Date(Date.now() - ageMs);
    await utimes(dir, when, when);
    return dir;
  };
  const abandoned = await make('dead', 2 ** 22 + 54321, 60 * 60 * 1000);
  const running = await make('live', process.pid, 60 * 60 * 1000);
  const fresh = await make('fresh', null, 0);
  try {
    await sweepAbandonedTempClusters(logger);
    await assert.rejects(stat(abandoned));
    assert.ok(await stat(running));
    assert.ok(await stat(fresh));
  } finally {
    for (const dir of [abandoned, running, fresh]) await rm(dir, { recursive: true, force: true });
  }
});
