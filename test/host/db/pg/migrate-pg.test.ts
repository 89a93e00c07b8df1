import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer } from 'node:net';
import { migratePg, pgSchemaState } from '../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase } from '../../../../host/db/pg/pg-database.js';
import { loadMigrations } from '../../../../host/db/migrate.js';
import { defaultPgMigrationsDir } from '../../../../host/db/pg/migrate-pg.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';

let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
before(async () => {
  keeper = await acquireDatabase('keeper');
});
after(() => keeper.release());

async function freshDb(t: { after(fn: () => Promise<void>): void }): Promise<PgDatabase> {
  const database = await acquireDatabase('migrate');
  const db = openPgDatabase(database.url, { max: 3 });
  t.after(async () => {
    await db.close();
    await database.release();
  });
  return db;
}

const known = loadMigrations(defaultPgMigrationsDir).length;

test('a new database gets every migration, and a second run applies none', async (t) => {
  const db = await freshDb(t);
  const first = await migratePg(db);
  assert.equal(first.applied.length, known);
  assert.deepEqual(await pgSchemaState(db), { database: known, binary: known });
  const second = await migratePg(db);
  assert.deepEqual(second.applied, []);
});

test('two processes migrating at once: one migrates, the other waits for the lock and finds nothing to do', async (t) => {
  const db = await freshDb(t);
  const other = openPgDatabase(new URL(db.pool.options.connectionString!).toString(), { max: 2 });
  t.after(() => other.close());
  const [a, b] = await Promise.all([migratePg(db), migratePg(other)]);
  assert.deepEqual([a.applied.length, b.applied.length].sort(), [0, known]);
  const rows = await db.rows<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.equal(rows.length, known, 'each migration recorded once');
});

test('a database written by a newer Specbench is refused, naming both schema versions', async (t) => {
  const db = await freshDb(t);
  await migratePg(db);
  await db.rows("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')", [known + 1]);
  await assert.rejects(migratePg(db), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'DB_NEWER');
    assert.match(error.message, new RegExp(`schema ${known + 1}; this version knows up to ${known}`));
    return true;
  });
});

test('an unreachable server fails fast as DATABASE_UNAVAILABLE naming the host and the reason, never the password', async () => {
  // A port nobody listens on: bind one, learn its number, close it.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const p = (server.address() as { port: number }).port;
      server.close(() => resolve(p));
    });
  });
  const db = openPgDatabase(`postgres://specbench:s3cret@127.0.0.1:${port}/team`, { connectionTimeoutMs: 2000 });
  try {
    await assert.rejects(migratePg(db), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'DATABASE_UNAVAILABLE');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}/team`));
      assert.match(error.message, /connection refused/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  } finally {
    await db.close();
  }
});
