import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant: it only has to keep two servers starting on one database from migrating at once.
const MIGRATION_LOCK_KEY = 7_204_206_355;

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file, index) => {
      const version = Number(file.slice(0, 3));
      if (version !== index + 1) throw new Error(`migration ${file} is out of sequence (expected ${index + 1})`);
      return { version, name: file, sql: await readFile(`${dir}/${file}`, 'utf8') };
    }),
  );
}

/**
 * Applies the pending migrations in order, each in its own transaction. Refuses to run when the
 * applied list is not a prefix of the files (a renamed or removed migration) or the database is
 * newer than this server. `upTo` stops early (migration tests migrate N-1 → N with data in place).
 * Returns the versions applied now.
 */
export async function migrate(pool: pg.Pool, options: { upTo?: number; migrations?: Migration[] } = {}): Promise<number[]> {
  const migrations = options.migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW())',
    );
    const applied = (await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    if (applied.length > migrations.length) {
      throw new Error(`the database has ${applied.length} migrations applied; this server knows only ${migrations.length}`);
    }
    applied.forEach((row, i) => {
      const expected = migrations[i];
      if (!expected || row.version !== expected.version || row.name !== expected.name) {
        throw new Error(`applied migration ${row.version} (${row.name}) does not match ${expected?.name ?? 'any file'}`);
      }
    });
    const done: number[] = [];
    for (const migration of migrations.slice(applied.length)) {
      if (options.upTo !== undefined && migration.version > options.upTo) break;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
