import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadMigrations } from '../../../../host/db/migrate.js';
import { defaultPgMigrationsDir, migratePg } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase } from '../../../../host/db/pg/pg-database.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

test('PostgreSQL migration 006 (presence) applies over 005 with specs in place; a removed spec takes its presence rows with it', async (t) => {
  const database = await acquireDatabase('migrate_006');
  const db = openPgDatabase(database.url, { max: 2 });
  t.after(async () => {
    await db.close();
    await database.release();
  });
  const all = loadMigrations(defaultPgMigrationsDir);
  const upTo005 = all.filter((m) => m.version <= 5);
  assert.equal(all.find((m) => m.version === 6)?.name, '006-presence');
  await migratePg(db, { migrations: upTo005 });
  const now = new Date().toISOString();
  const spec = (await db.one<{ id: number }>('INSERT INTO specs (created_at, updated_at) VALUES ($1, $1) RETURNING id', [now]))!.id;

  const result = await migratePg(db, { migrations: all.filter((m) => m.version <= 6) });
  assert.deepEqual(result.applied, ['006-presence']);
  assert.equal((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM specs'))!.n, 1, 'the spec is still there');

  await db.rows("INSERT INTO presence (session_id, account_id, name, spec_id) VALUES ('s1', 'a1', 'Ada', $1)", [spec]);
  await assert.rejects(db.rows("INSERT INTO presence (session_id, account_id, name, spec_id) VALUES ('s2', 'a2', 'Bob', $1)", [spec + 1]), { code: '23503' });
  await db.rows('DELETE FROM specs WHERE id = $1', [spec]);
  assert.equal((await db.one<{ n: number }>('SELECT count(*)::int AS n FROM presence'))!.n, 0);
});
