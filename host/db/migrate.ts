import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { appRoot } from '../paths.js';
import { DbError } from './errors.js';

/**
 * Where the numbered `.sql` files live: next to this module when run from source; in a bundle
 * (dist-electron/main.mjs) a `migrations` folder copied next to the bundle, else the
 * repository's host/db/migrations. Callers with another layout pass `migrationsDir`.
 */
export const defaultMigrationsDir =
  [join(dirname(fileURLToPath(import.meta.url)), 'migrations'), join(appRoot, 'host', 'db', 'migrations')].find((dir) =>
    existsSync(join(dir, '001-library.sql')),
  ) ?? join(appRoot, 'host', 'db', 'migrations');

export interface Migration {
  version: number;
  /** File name without `.sql`, e.g. `001-library`; recorded so a renamed or replaced file is noticed. */
  name: string;
  sql: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
}

const FILE_PATTERN = /^(\d{3,})-([a-z0-9][a-z0-9-]*)\.sql$/;

/** Reads `NNN-name.sql` files in order; numbering must run 1, 2, 3… without gaps or repeats. */
export function loadMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`migration file ${join(dir, file)} is not named NNN-name.sql`);
    return { version: Number(match[1]), name: file.slice(0, -4), sql: readFileSync(join(dir, file), 'utf8') };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations in ${dir} must be numbered 1, 2, 3… without gaps or repeats; found ${m.name} at position ${i + 1}`);
  });
  return migrations;
}

/**
 * The migrations still to apply, or a refusal: a database that recorded a migration this app
 * does not have was written by a newer Specbench (or a different branch) and must not be touched.
 */
export function planMigrations(applied: AppliedMigration[], migrations: Migration[], file: string): Migration[] {
  const latest = migrations.length;
  const newest = applied.reduce((max, a) => Math.max(max, a.version), 0);
  if (newest > latest) {
    throw new DbError(
      'DB_NEWER',
      `${file} was created by a newer version of Specbench (schema ${newest}; this version knows up to ${latest}); it was not opened or changed — update Specbench to use it`,
      file,
    );
  }
  applied.forEach((a, i) => {
    const expected = migrations[i];
    if (!expected || a.version !== expected.version || a.name !== expected.name) {
      throw new DbError(
        'DB_MIGRATIONS_MISMATCH',
        `${file} records migration ${a.name} where this version of Specbench has ${expected?.name ?? 'none'}; it was not opened or changed`,
        file,
      );
    }
  });
  return migrations.slice(applied.length);
}

/** The migrations a database records, oldest first; empty for a new database. */
export function readApplied(db: Database): AppliedMigration[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return [];
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
}

/** Identifies Specbench databases in the SQLite header ("SPBN"), so a foreign database is refused, not migrated. */
export const APPLICATION_ID = 0x5350424e;

/**
 * Applies each pending migration in its own IMMEDIATE transaction. The plan is re-read inside
 * the transaction: another process may have migrated between our check and our write lock.
 */
export function applyMigrations(db: Database, migrations: Migration[], file: string): number {
  let appliedNow = 0;
  for (;;) {
    const step = db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      const pending = planMigrations(readApplied(db), migrations, file);
      const next = pending[0];
      if (!next) return false;
      try {
        db.exec(next.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DbError('DB_MIGRATION_FAILED', `migration ${next.name} failed on ${file} (${reason}); the database was left as it was`, file);
      }
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(next.version, next.name, new Date().toISOString());
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${next.version}`);
      return true;
    });
    if (!step.immediate()) return appliedNow;
    appliedNow++;
  }
}
