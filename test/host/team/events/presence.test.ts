import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { PRESENCE_EVENT_MAX_PEOPLE } from '../../../../core/contract/ops/team-live.js';
import { migratePg } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase } from '../../../../host/db/pg/pg-database.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import { createPresence } from '../../../../host/team/events/presence.js';
import type { RequestActor, TeamEvent } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { logEvents } from './support/event-log.js';

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let setup: PgDatabase;
before(async () => {
  database = await acquireDatabase('presence');
  setup = openPgDatabase(database.url, { max: 2 });
  await migratePg(setup);
});
after(async () => {
  await setup.close();
  await database.release();
});

let channels = 0;

/** Two server processes' presence over one database, each with its own pool and event feed. */
async function servers(t: TestContext, ttlMs = 60_000) {
  const channel = `presence_${++channels}`;
  const open = async () => {
    const db = openPgDatabase(database.url, { max: 3 });
    const events = await createPgEvents(db, { channel });
    t.after(async () => {
      await events.close();
      await db.close();
    });
    return { presence: createPresence(db, events, { ttlMs }), log: logEvents(events) };
  };
  return { a: await open(), b: await open() };
}

async function newSpec(): Promise<number> {
  const now = new Date().toISOString();
  const row = await setup.one<{ id: number }>('INSERT INTO specs (created_at, updated_at) VALUES ($1, $1) RETURNING id', [now]);
  return row!.id;
}

let people = 0;
function actor(name: string): RequestActor {
  people += 1;
  const id = `00000000-0000-4000-8000-${String(people).padStart(12, '0')}`;
  return { account: { id, email: `p${people}@example.com`, name, role: 'reviewer' }, sessionId: `session-${people}` };
}

const presenceOf = (events: TeamEvent[], specId: number) =>
  events.filter((e) => e.name === 'team.presence' && e.specId === specId).map((e) => (e.payload as { people: Array<{ name: string }> }).people.map((p) => p.name));

test('people opening a spec on different processes see each other, and every process hears of it', async (t) => {
  const { a, b } = await servers(t);
  const spec = await newSpec();
  const ada = actor('Ada');
  const bob = actor('Bob');

  assert.deepEqual(await a.presence.set(ada, { specId: spec }), { specId: spec, people: [{ accountId: ada.account.id, name: 'Ada' }] });
  const both = await b.presence.set(bob, { specId: spec });
  assert.deepEqual(both.people.map((p) => p.name), ['Ada', 'Bob']);

  // Process a (where only Ada is) hears Bob arrive through the database.
  await a.log.waitFor((e) => e.name === 'team.presence' && (e.payload as { people: unknown[] }).people.length === 2, 'Bob arriving, on process a');
  await b.log.waitFor((e) => e.name === 'team.presence' && (e.payload as { people: unknown[] }).people.length === 2, 'Bob arriving, on process b');
  assert.deepEqual(presenceOf(a.log.events, spec), [['Ada'], ['Ada', 'Bob']]);
  const arrival = a.log.events.find((e) => e.name === 'team.presence' && e.by?.name === 'Bob');
  assert.deepEqual(arrival?.by, { accountId: bob.account.id, name: 'Bob' });
});

test('a heartbeat that changes nothing announces nothing; switching or closing the spec announces the spec left', async (t) => {
  const { a, b } = await servers(t);
  const first = await newSpec();
  const second = await newSpec();
  const ada = actor('Ada');
  await a.presence.set(ada, { specId: first });
  await a.presence.set(ada, { specId: first });
  await a.presence.set(ada, { specId: second });
  await b.log.waitFor((e) => e.specId === second, 'the arrival on the second spec');
  assert.deepEqual(presenceOf(b.log.events, first), [['Ada'], []], 'one arrival, no event for the heartbeat, then the departure');
  assert.deepEqual(presenceOf(b.log.events, second), [['Ada']]);

  assert.deepEqual(await a.presence.set(ada, { specId: null }), { specId: null, people: [] });
  await b.log.waitFor((e) => e.specId === second && (e.payload as { people: unknown[] }).people.length === 0, 'leaving the second spec');
});

test('one person in two sessions counts once; leave() drops a session at once', async (t) => {
  const { a, b } = await servers(t);
  const spec = await newSpec();
  const ada = actor('Ada');
  const adaElsewhere = { ...ada, sessionId: `${ada.sessionId}-laptop` };
  await a.presence.set(ada, { specId: spec });
  const twice = await b.presence.set(adaElsewhere, { specId: spec });
  assert.deepEqual(twice.people, [{ accountId: ada.account.id, name: 'Ada' }]);

  await a.presence.leave(ada.sessionId);
  await a.presence.leave(adaElsewhere.sessionId);
  await b.log.waitFor((e) => e.specId === spec && e.by === null && (e.payload as { people: unknown[] }).people.length === 0, 'the empty list after both left');
  await a.presence.leave('never-seen'); // nothing to do, no error
});

test('a window that stops sending heartbeats expires: others stop seeing it and the sweep announces it', async (t) => {
  const ttlMs = 400;
  const { a, b } = await servers(t, ttlMs);
  const spec = await newSpec();
  const ada = actor('Ada');
  const bob = actor('Bob');
  await a.presence.set(ada, { specId: spec });
  const started = Date.now();
  assert.equal((await b.presence.set(bob, { specId: spec })).people.length, 2);
  // Bob keeps his heartbeat; Ada's window went away. No fixed sleep: poll until the database says she expired.
  let seen: string[] = [];
  while (Date.now() - started < 5000) {
    seen = (await b.presence.set(bob, { specId: spec })).people.map((p) => p.name);
    if (seen.length === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(seen, ['Bob']);
  assert.ok(Date.now() - started >= ttlMs * 0.9, 'not before the time to live');
  // Bob's heartbeat swept her row and announced the spec's new list to every process.
  await a.log.waitFor((e) => e.specId === spec && JSON.stringify(presenceOf([e], spec)) === JSON.stringify([['Bob']]), 'the list without Ada');
  await b.presence.sweep();
});

test('a crowd is trimmed in the event (with a count of the rest), never refused; the answer lists everyone', async (t) => {
  const { a, b } = await servers(t);
  const spec = await newSpec();
  const crowd = Array.from({ length: PRESENCE_EVENT_MAX_PEOPLE + 20 }, (_, i) => actor(`Reviewer with a rather long display name number ${String(i).padStart(3, '0')}`));
  let last;
  for (const person of crowd) last = await a.presence.set(person, { specId: spec });
  assert.equal(last!.people.length, crowd.length);
  const full = await b.log.waitFor((e) => e.specId === spec && e.by?.accountId === crowd.at(-1)!.account.id, 'the last arrival');
  const payload = full.payload as { people: unknown[]; more?: number };
  assert.ok(payload.people.length <= PRESENCE_EVENT_MAX_PEOPLE && payload.people.length > 0);
  assert.equal(payload.people.length + (payload.more ?? 0), crowd.length);
});

test('unknown specs and bad arguments are refused', async (t) => {
  const { a } = await servers(t);
  await assert.rejects(a.presence.set(actor('Ada'), { specId: 987_654 }), { code: 'NOT_FOUND', message: 'spec 987654 does not exist' });
  await assert.rejects(a.presence.set(actor('Ada'), { specId: 'one' }), { code: 'INVALID_ARGUMENTS' });
  await assert.rejects(a.presence.set(actor('Ada'), {}), { code: 'INVALID_ARGUMENTS' });
});
