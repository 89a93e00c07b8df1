import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { loadMigrations, migrate } from '../../embedded-server/db/migrate.js';
import { endPool } from '../../embedded-server/db/pool.js';
import { acquireDatabase } from './support/cluster.js';

// The schema of seed NFR-2 and the migration rules: ordered, prefix-checked, N-1 → N with data in place.
let databases: Array<{ url: string; release(): Promise<void> }> = [];
const pools: pg.Pool[] = [];

async function freshPool(prefix: string): Promise<pg.Pool> {
  const db = await acquireDatabase(prefix);
  databases.push(db);
  return track(new pg.Pool({ connectionString: db.url, max: 2 }));
}

function track(pool: pg.Pool): pg.Pool {
  pools.push(pool);
  return pool;
}

let migrated: pg.Pool;
before(async () => {
  migrated = await freshPool('schema');
  await migrate(migrated);
});
after(async () => {
  // endPool waits for the connections to close, so stopping the cluster cuts none of them.
  await Promise.all(pools.map((p) => endPool(p)));
  for (const db of databases) await db.release();
  databases = [];
});

test('magic_link_tokens has the columns of seed NFR-2', async () => {
  const { rows } = await migrated.query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
    `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
     WHERE table_name = 'magic_link_tokens' ORDER BY ordinal_position`,
  );
  assert.deepEqual(
    rows.map((r) => [r.column_name, r.data_type, r.is_nullable, r.character_maximum_length]),
    [
      ['id', 'uuid', 'NO', null],
      ['user_id', 'uuid', 'NO', null],
      ['token_hash', 'character varying', 'NO', 64],
      ['expires_at', 'timestamp with time zone', 'NO', null],
      ['used_at', 'timestamp with time zone', 'YES', null],
      ['created_at', 'timestamp with time zone', 'NO', null],
    ],
  );
});

test('token_hash is unique, user_id references users, and both indexes exist', async () => {
  const { rows: constraints } = await migrated.query<{ contype: string; def: string }>(
    `SELECT contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'magic_link_tokens'::regclass`,
  );
  assert.ok(constraints.some((c) => c.contype === 'u' && c.def === 'UNIQUE (token_hash)'));
  assert.ok(constraints.some((c) => c.contype === 'f' && /FOREIGN KEY \(user_id\) REFERENCES users\(id\)/.test(c.def)));
  assert.ok(constraints.some((c) => c.contype === 'p' && c.def === 'PRIMARY KEY (id)'));
  const { rows: indexes } = await migrated.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'magic_link_tokens'`);
  const defs = indexes.map((i) => i.indexdef.replace(/^.* USING btree /, ''));
  assert.ok(defs.includes('(token_hash)'), defs.join('; '));
  assert.ok(defs.includes('(user_id, created_at)'), defs.join('; '));
});

test('the rate limit has its own table, indexed by (email, requested_at)', async () => {
  const { rows } = await migrated.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'magic_link_requests'`);
  assert.ok(rows.some((r) => r.indexdef.endsWith('(email, requested_at)')));
});

test('migrating again applies nothing', async () => {
  assert.deepEqual(await migrate(migrated), []);
});

test('each migration N applies on top of N-1 with data in place', async () => {
  const pool = await freshPool('stepwise');
  const all = await loadMigrations();
  assert.deepEqual(all.map((m) => m.version), [1, 2, 3, 4]);
  const now = new Date();

  assert.deepEqual(await migrate(pool, { upTo: 1 }), [1]);
  const { rows: [user] } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, status) VALUES ('kept@example.test', NULL, 'active') RETURNING id`,
  );
  await assert.rejects(pool.query(`INSERT INTO users (email, status) VALUES (' Mixed@Example.test', 'active')`), 'emails are stored normalised');

  assert.deepEqual(await migrate(pool, { upTo: 2 }), [2]);
  await pool.query(`INSERT INTO magic_link_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $3)`, [user!.id, 'f'.repeat(64), now]);
  await assert.rejects(
    pool.query(`INSERT INTO magic_link_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [user!.id, 'f'.repeat(64), now]),
    'token_hash is unique',
  );

  assert.deepEqual(await migrate(pool, { upTo: 3 }), [3]);
  await pool.query(`INSERT INTO magic_link_requests (email, requested_at) VALUES ('kept@example.test', $1)`, [now]);

  assert.deepEqual(await migrate(pool), [4]);
  const { rows } = await pool.query<{ users: number; tokens: number; requests: number }>(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM magic_link_tokens)::int AS tokens,
            (SELECT count(*) FROM magic_link_requests)::int AS requests`,
  );
  assert.deepEqual(rows[0], { users: 1, tokens: 1, requests: 1 });
});

test('a database newer than the server, or with a different history, is refused', async () => {
  const pool = await freshPool('refuse');
  await migrate(pool);
  await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (5, '005_from_the_future.sql')`);
  await assert.rejects(migrate(pool), /5 migrations applied; this server knows only 4/);
  await pool.query(`DELETE FROM schema_migrations WHERE version = 5`);
  await pool.query(`UPDATE schema_migrations SET name = '002_renamed.sql' WHERE version = 2`);
  await assert.rejects(migrate(pool), /applied migration 2 \(002_renamed.sql\) does not match 002_create_magic_link_tokens.sql/);
});

test('two servers migrating one database at once apply each migration once', async () => {
  const pool = await freshPool('concurrent');
  const second = track(new pg.Pool({ connectionString: databases.at(-1)!.url, max: 2 }));
  const [a, b] = await Promise.all([migrate(pool), migrate(second)]);
  assert.deepEqual([...a, ...b].sort(), [1, 2, 3, 4]);
});
