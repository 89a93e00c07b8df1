import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../../../embedded-server/db/embedded-postgres.js';
import { createLogger } from '../../../../embedded-server/log.js';
import { pgSchemaState } from '../../../../host/db/pg/migrate-pg.js';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import { createTeamLogger } from '../../../../host/team/server/request-log.js';
import { startTeamServer, type TeamServer } from '../../../../host/team/server/team-server.js';
import type { TeamEvents } from '../../../../host/team/team-types.js';
import { postmasterOf, waitUntil } from '../../../embedded-server/support/process-tree.js';
import { tempDir } from '../../../support/temp-dir.js';
import { CSRF_TOKEN, fakeApi, fakeAuth, logSink, signedIn } from './support.js';

// Issue 15 AC-7: killing PostgreSQL gives 503 DATABASE_UNAVAILABLE and a failing /readyz;
// restarting it recovers without restarting the team server. A cluster of this file's own (not
// the shared one of acquireDatabase), because the test kills it.

let cluster: EmbeddedCluster;
let store: PgStore;
let events: TeamEvents;
let server: TeamServer;
const sink = logSink();

before(async () => {
  cluster = await startEmbeddedCluster({ logger: createLogger({ level: 'silent' }) });
  store = await openPgStore(cluster.connectionString(), { max: 4, connectionTimeoutMs: 2_000 });
  events = await createPgEvents(store.db);
  // An operation that reads the database through the store's pool, as every real one does.
  const api = fakeApi({ 'schema.read': async () => ({ status: 200, envelope: { ok: true, value: await pgSchemaState(store.db) } }) });
  server = await startTeamServer({
    store,
    auth: fakeAuth(),
    api,
    events,
    staticDir: tempDir('specbench-team-static-'),
    listen: { host: '127.0.0.1', port: 0 },
    publicUrl: 'http://127.0.0.1',
    trustProxy: false,
    log: createTeamLogger({ destination: sink }),
  });
});

after(async () => {
  await server?.close();
  await events?.close();
  await store?.close();
  await cluster?.stop();
});

const call = () => fetch(`${server.url}api/schema.read`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{}', signal: AbortSignal.timeout(8_000) });
const ready = () => fetch(`${server.url}readyz`, { signal: AbortSignal.timeout(8_000) });
const messages = () => sink.lines.map((l) => (JSON.parse(l) as { msg: string }).msg);

test('PostgreSQL killed: 503 DATABASE_UNAVAILABLE and /readyz 503; back: both recover in the same server', async () => {
  assert.equal((await call()).status, 200, 'healthy before');
  assert.equal((await ready()).status, 200);

  // The schema was written a moment ago; a checkpoint puts it on disk so the crash loses connections, not tables
  // (the test cluster runs with synchronous_commit off).
  const admin = new pg.Client({ connectionString: cluster.connectionString() });
  await admin.connect();
  await admin.query('CHECKPOINT');
  await admin.end();
  const postmaster = postmasterOf(process.pid);
  assert.ok(postmaster && postmaster.dataDir === cluster.dataDir, 'the test cluster runs as a child of this process');
  process.kill(postmaster.pid, 'SIGKILL');
  assert.ok(await waitUntil(() => !cluster.isRunning(), 5_000));

  const down = await call();
  assert.equal(down.status, 503);
  assert.deepEqual(((await down.json()) as { error: { code: string } }).error.code, 'DATABASE_UNAVAILABLE');
  const notReady = await ready();
  assert.equal(notReady.status, 503);
  assert.equal(((await notReady.json()) as { reason: string }).reason, 'the database does not answer');
  assert.equal((await fetch(`${server.url}healthz`)).status, 200, 'the process itself is up');

  // PostgreSQL comes back (lingering backends of the killed postmaster may delay it a little).
  await new Promise((r) => setTimeout(r, 1_000));
  for (let i = 0; i < 20 && !cluster.isRunning(); i += 1) await cluster.restart().catch(() => new Promise((r) => setTimeout(r, 250)));
  assert.ok(cluster.isRunning(), 'the cluster restarted');

  let status = 0;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline && status !== 200; ) {
    status = (await call()).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(status, 200, 'the API answers again without a server restart');
  assert.equal((await ready()).status, 200, '/readyz passes again');
  assert.equal(messages().filter((m) => m === 'database unavailable').length, 1, 'the outage is logged once');
  assert.equal(messages().filter((m) => m === 'database available again').length, 1, 'the recovery is logged once');
  assert.equal(messages().filter((m) => m === 'unhandled error').length, 0);
});
