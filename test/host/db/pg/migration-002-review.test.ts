import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { migratePg } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase } from '../../../../host/db/pg/pg-database.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

/**
 * PostgreSQL migration 002 keeps SQLite 005's constraints (issue 15 FR-1): the same checks refuse
 * the same rows, and its one addition — people ids re-keyed with every reference following — works.
 */

let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
before(async () => {
  keeper = await acquireDatabase('keeper');
});
after(() => keeper.release());

const HASH = 'a'.repeat(64);
const AT = '2026-01-01T00:00:00.000Z';

async function migrated(t: { after(fn: () => Promise<void>): void }): Promise<{ db: PgDatabase; specId: number }> {
  const database = await acquireDatabase('review002');
  const db = openPgDatabase(database.url, { max: 2 });
  t.after(async () => {
    await db.close();
    await database.release();
  });
  await migratePg(db);
  const spec = await db.one<{ id: number }>("INSERT INTO specs (created_at, updated_at) VALUES ($1, $1) RETURNING id", [AT]);
  for (const [id, email] of [['p1', 'ana@example.com'], ['p2', 'reza@example.com']]) {
    await db.rows('INSERT INTO people (id, name, email, created_at, updated_at) VALUES ($1, $1, $2, $3, $3)', [id, email, AT]);
  }
  return { db, specId: spec!.id };
}

const thread = (id: string, specId: number, extra: Record<string, unknown> = {}) => {
  const row: Record<string, unknown> = {
    id, spec_id: specId, kind: 'comment', severity: 'blocking', version_hash: HASH, quote_exact: 'x', quote_prefix: '', quote_suffix: '',
    position_start: 0, position_end: 1, anchor_hash: HASH, anchor_status: 'attached', anchor_exact: 'x', anchor_prefix: '', anchor_suffix: '',
    anchor_start: 0, anchor_end: 1, status_by: 'p1', status_at: AT, created_by: 'p1', created_at: AT, ...extra,
  };
  const columns = Object.keys(row);
  return { sql: `INSERT INTO review_threads (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, params: Object.values(row) };
};

test('002 refuses what SQLite 005 refuses: a second email by case, a second pending review, a verdict without a version, a suggestion without text', async (t) => {
  const { db, specId } = await migrated(t);
  await assert.rejects(db.rows("INSERT INTO people (id, name, email, created_at, updated_at) VALUES ('p3', 'A', 'ANA@example.com', $1, $1)", [AT]), /people_by_email/);
  const review = "INSERT INTO reviews (id, spec_id, reviewer_id, state, verdict, version_hash, created_at, submitted_at) VALUES ($1, $2, 'p2', $3, $4, $5, $6, $7)";
  await db.rows(review, ['r1', specId, 'pending', null, null, AT, null]);
  await assert.rejects(db.rows(review, ['r2', specId, 'pending', null, null, AT, null]), /reviews_one_pending/);
  await assert.rejects(db.rows(review, ['r3', specId, 'submitted', 'approve', null, AT, AT]), /check constraint/);
  await assert.rejects(db.rows(review, ['r4', specId, 'pending', 'approve', null, AT, null]), /check constraint/);
  await db.rows(review, ['r5', specId, 'submitted', 'approve', HASH, AT, AT]);
  const noText = thread('t1', specId, { kind: 'suggestion' });
  await assert.rejects(db.rows(noText.sql, noText.params), /check constraint/);
  const empty = thread('t2', specId, { position_end: 0 });
  await assert.rejects(db.rows(empty.sql, empty.params), /check constraint/);
});

test('002 re-keys a person with every reference following, and deleting a spec removes its review rows', async (t) => {
  const { db, specId } = await migrated(t);
  await db.rows("INSERT INTO spec_reviewers (spec_id, person_id, added_by, added_at) VALUES ($1, 'p2', 'p1', $2)", [specId, AT]);
  const row = thread('t1', specId, { created_by: 'p2', status_by: 'p2' });
  await db.rows(row.sql, row.params);
  await db.rows("INSERT INTO review_comments (id, thread_id, author_id, body, created_at) VALUES ('c1', 't1', 'p2', 'hi', $1)", [AT]);
  await db.rows("UPDATE people SET id = 'acct-reza' WHERE id = 'p2'");
  assert.deepEqual(await db.one('SELECT person_id FROM spec_reviewers'), { person_id: 'acct-reza' });
  assert.deepEqual(await db.one('SELECT created_by, status_by FROM review_threads'), { created_by: 'acct-reza', status_by: 'acct-reza' });
  assert.deepEqual(await db.one('SELECT author_id FROM review_comments'), { author_id: 'acct-reza' });
  await db.rows('DELETE FROM specs WHERE id = $1', [specId]);
  const left = await db.one<{ n: number }>('SELECT (SELECT count(*) FROM review_threads) + (SELECT count(*) FROM review_comments) + (SELECT count(*) FROM spec_reviewers) AS n');
  assert.equal(Number(left?.n), 0);
});
