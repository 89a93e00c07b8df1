import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadMigrations } from '../../../../host/db/migrate.js';
import { defaultPgMigrationsDir, migratePg, pgSchemaState } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase } from '../../../../host/db/pg/pg-database.js';
import { pgDecisionRepository } from '../../../../host/store/pg/decision-repository.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

const all = loadMigrations(defaultPgMigrationsDir);
const index = all.findIndex((m) => m.name === '003-decisions');

let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
before(async () => {
  keeper = await acquireDatabase('keeper');
});
after(() => keeper.release());

test('PostgreSQL migration 003-decisions applies on top of 002 with library data in place; its guards hold', async (t) => {
  assert.equal(index, 2, '003-decisions is the third PostgreSQL migration');
  const database = await acquireDatabase('migrate003');
  const db = openPgDatabase(database.url, { max: 2 });
  t.after(async () => {
    await db.close();
    await database.release();
  });
  await migratePg(db, { migrations: all.slice(0, index) });
  const now = '2026-01-01T00:00:00.000Z';
  const spec = await db.one<{ id: number }>('INSERT INTO specs (custom_title, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id', ['Kept', now]);

  const result = await migratePg(db);
  assert.ok(result.applied.includes('003-decisions'));
  assert.equal((await pgSchemaState(db)).database, all.length);
  assert.deepEqual(await db.rows('SELECT id, custom_title FROM specs'), [{ id: spec!.id, custom_title: 'Kept' }], 'library data survives');

  const d = pgDecisionRepository(db);
  await d.addTransition({ specId: spec!.id, state: 'approved', actor: 'ops' });
  const log = await d.ensureLog('main');
  const adr = await d.insertAdr({ logId: log.id, number: 1, fileName: '0001-a.md', title: 'A', status: 'accepted', date: null, text: 'a' });
  assert.equal(typeof adr.id, 'number', 'SERIAL ids come back as numbers');

  await assert.rejects(db.rows("UPDATE adr_revisions SET text = 'rewritten'"), /ADR revisions are immutable/);
  await assert.rejects(db.rows('DELETE FROM adrs WHERE id = $1', [adr.id]), /deleted explicitly/);
  const meetingId = await d.createMeeting({ specId: spec!.id, specVersion: null, title: 'M', scheduledAt: null, durationMinutes: 30 });
  await d.addItems(meetingId, [{ sourceKind: 'manual', sourceRef: 'm', title: 'T', detail: '', requirementIds: [], minutes: 5, carriedFrom: null }]);
  const [item] = (await d.meeting(meetingId)).items;
  await assert.rejects(
    db.rows("INSERT INTO decisions (meeting_id, agenda_item_id, outcome, rationale, created_at) VALUES ($1, $2, 'maybe', 'r', $3)", [meetingId, item.id, now]),
    /violates check constraint/,
  );
  const decision = await d.recordDecision({ itemId: item.id, outcome: 'accepted', rationale: 'r', alternatives: [], people: [] });
  await assert.rejects(db.rows('DELETE FROM decisions WHERE id = $1', [decision.id]), /deleted explicitly/);
  await assert.rejects(db.rows("INSERT INTO spec_transitions (spec_id, state, at, actor, recorded_at) VALUES ($1, 'shipped', $2, 'x', $2)", [spec!.id, now]), /check constraint/);
  // An explicitly deleted record (and its history) can be purged.
  await d.setAdrDeleted(adr.id, true);
  await db.tx(async (q) => {
    await q.rows('DELETE FROM adr_revisions WHERE adr_id = $1', [adr.id]);
    await q.rows('DELETE FROM adr_status_changes WHERE adr_id = $1', [adr.id]);
    await q.rows('DELETE FROM adrs WHERE id = $1', [adr.id]);
  });
  assert.deepEqual(await d.listAdrs({ includeDeleted: true }), []);
});
