import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import { createTeamLogger } from '../../../../host/team/server/request-log.js';
import { startTeamServer } from '../../../../host/team/server/team-server.js';
import type { TeamEvents } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { tempDir } from '../../../support/temp-dir.js';
import { CSRF_TOKEN, SESSION_COOKIE, fakeApi, fakeAuth, logSink, signedIn } from './support.js';

// FR-8: SIGTERM (which calls close()) stops accepting, ends event streams, and lets requests in
// flight finish; only those past the grace period are cut.

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let store: PgStore;
let events: TeamEvents;
before(async () => {
  database = await acquireDatabase('team_shutdown');
  store = await openPgStore(database.url, { max: 2 });
  events = await createPgEvents(store.db);
});
after(async () => {
  await events.close();
  await store.close();
  await database.release();
});

const slow = (ms: number) => async () => {
  await new Promise((r) => setTimeout(r, ms));
  return { status: 200, envelope: { ok: true as const, value: 'finished' } };
};

async function start(graceMs: number, t: { after(fn: () => Promise<void>): void }) {
  const sink = logSink();
  const api = fakeApi({ 'slow.op': slow(800), 'very.slow.op': slow(5_000) });
  const server = await startTeamServer({
    store,
    auth: fakeAuth(),
    api,
    events,
    staticDir: tempDir('specbench-team-static-'),
    listen: { host: '127.0.0.1', port: 0 },
    publicUrl: 'http://127.0.0.1',
    trustProxy: false,
    log: createTeamLogger({ destination: sink }),
    shutdownGraceMs: graceMs,
  });
  t.after(() => server.close());
  /** Resolves once the API has the request: it is in flight on the server, not still on its way. */
  const arrived = async () => {
    while (api.calls.length === 0) await new Promise((r) => setTimeout(r, 10));
  };
  return { server, sink, arrived };
}

test('a slow request in flight finishes with its answer; event streams end; new connections are refused', async (t) => {
  const { server, arrived } = await start(10_000, t);
  const stream = await fetch(`${server.url}api/events?token=${CSRF_TOKEN}`, { headers: { Cookie: SESSION_COOKIE } });
  const streamText = stream.text();
  const inFlight = fetch(`${server.url}api/slow.op`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{}' });
  await arrived();
  const started = Date.now();
  const closed = server.close();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, value: 'finished' });
  await closed;
  assert.ok(Date.now() - started >= 300, `close waited for the request (${Date.now() - started} ms)`);
  assert.match(await streamText, /: connected/, 'the event stream ended (its body completed)');
  await assert.rejects(fetch(`${server.url}healthz`), 'no new connections after close');
});

test('a request still running after the grace period is cut, and close() resolves', async (t) => {
  const { server, sink, arrived } = await start(300, t);
  const inFlight = fetch(`${server.url}api/very.slow.op`, { method: 'POST', headers: signedIn({ 'X-Specbench-Token': CSRF_TOKEN }), body: '{}' }).then(
    (r) => r.status,
    () => 'cut',
  );
  await arrived();
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 2_000, `close took ${Date.now() - started} ms`);
  assert.equal(await inFlight, 'cut');
  assert.match(sink.text(), /requests still running after the grace period were cut/);
});
