import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRoot } from '../../paths.js';
import { loadMigrations, planMigrations, type AppliedMigration, type Migration } from '../migrate.js';
import { toPgError, type PgDatabase } from './pg-database.js';

/** PostgreSQL's numbered migrations (their own sequence; the dialects differ, the tables match). */
export const defaultPgMigrationsDir =
  [join(dirname(fileURLToPath(import.meta.url)), 'migrations'), join(appRoot, 'host', 'db', 'pg', 'migrations')].find((dir) =>
    existsSync(join(dir, '001-library.sql')),
  ) ?? join(appRoot, 'host', 'db', 'pg', 'migrations');

/**
 * One constant key for `pg_advisory_lock`: every Specbench process migrating this database takes
 * the same lock, so when two start together one migrates and the other waits, then finds nothing
 * left to do. (The value is arbitrary; it only has to be ours and stable.)
 */
export const MIGRATION_LOCK_KEY = 0x5bec_be9c;

export interface PgMigrationResult {
  schemaVersion: number;
  applied: string[];
}

/**
 * Applies pending migrations under the advisory lock, each in its own transaction. A database that
 * records a migration this binary does not know was written by a newer Specbench: refused with
 * DB_NEWER naming both versions, nothing changed.
 */
export async function migratePg(db: PgDatabase, options: { dir?: string; migrations?: Migration[] } = {}): Promise<PgMigrationResult> {
  const migrations = options.migrations ?? loadMigrations(options.dir ?? defaultPgMigrationsDir);
  let client;
  try {
    client = await db.pool.connect();
  } catch (error) {
    throw toPgError(error, db.where);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const applied = (await client.query<AppliedMigration>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
      const pending = planMigrations(applied, migrations, `the database at ${db.where}`);
      for (const m of pending) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
      return { schemaVersion: migrations.length, applied: pending.map((m) => m.name) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } catch (error) {
    throw toPgError(error, db.where);
  } finally {
    client.release();
  }
}

/** The newest migration the database records and the newest this binary knows (for `/readyz`). */
export async function pgSchemaState(db: PgDatabase, dir: string = defaultPgMigrationsDir): Promise<{ database: number; binary: number }> {
  const binary = loadMigrations(dir).length;
  const present = await db.one<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!present?.present) return { database: 0, binary };
  const row = await db.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return { database: row?.v ?? 0, binary };
}
