import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DbError, toDbError } from './errors.js';
import { fsReason } from '../common/fs-error.js';
import { APPLICATION_ID, applyMigrations, loadMigrations, planMigrations, readApplied, type Migration } from './migrate.js';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** How long a write waits for another process's lock before failing with DB_LOCKED (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * Path to a better_sqlite3.node built for another runtime. better-sqlite3 13 loads its N-API
   * prebuild in Node and Electron alike, so this is only for custom builds.
   */
  nativeBinding?: string;
  /** Folder of NNN-name.sql files (default: host/db/migrations next to this module). */
  migrationsDir?: string;
  /** Check run before opening for writing: `quick` (default) is PRAGMA quick_check, `full` integrity_check. */
  check?: 'quick' | 'full' | 'none';
}

export interface OpenedDatabase {
  db: SqliteDatabase;
  file: string;
  busyTimeoutMs: number;
  /** Number of the newest applied migration. */
  schemaVersion: number;
}

const SQLITE_HEADER = 'SQLite format 3\0';
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a Specbench database: checks an existing file read-only first —
 * header, integrity, owner, migration history — so a corrupt, foreign or newer database is
 * refused with its bytes untouched; then opens it for writing with WAL, synchronous=FULL,
 * foreign keys and a busy timeout, and applies pending migrations one transaction each.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const migrations = loadMigrations(options.migrationsDir);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // mkdir says EEXIST/ENOTDIR when a file sits where a folder of the path should be.
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way (the path must be a folder)' : fsReason(error);
    throw new DbError('DB_CANTOPEN', `cannot create the data folder ${dirname(file)}: ${reason}`, file);
  }

  if (fileSize(file) !== null) inspectExisting(file, migrations, options, busyTimeoutMs);

  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { timeout: busyTimeoutMs, nativeBinding: options.nativeBinding });
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new DbError('DB_CANTOPEN', `${file} cannot use write-ahead logging (journal mode stayed "${String(mode)}"); is it on a network drive?`, file);
    // better-sqlite3 leaves WAL at synchronous=NORMAL, which can lose the last commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    applyMigrations(db, migrations, file);
    return { db, file, busyTimeoutMs, schemaVersion: migrations.length };
  } catch (error) {
    db?.close();
    throw toDbError(error, file, busyTimeoutMs);
  }
}

function fileSize(file: string): number | null {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DbError('DB_CANTOPEN', `cannot read the database ${file}: ${fsReason(error)}`, file);
  }
  if (info.isDirectory()) throw new DbError('DB_CANTOPEN', `the database path ${file} is a folder, not a database file; move it aside or set SPECBENCH_HOME to another folder`, file);
  if (!info.isFile()) throw new DbError('DB_CANTOPEN', `the database path ${file} is not a regular file`, file);
  return info.size;
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Every refusal happens here, on a read-only connection, before anything could write. A
 * read-only WAL connection creates empty -wal/-shm files; on refusal those are removed again
 * so the folder is left as it was found.
 */
function inspectExisting(file: string, migrations: Migration[], options: OpenDatabaseOptions, busyTimeoutMs: number): void {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  try {
    inspectReadOnly(file, migrations, options, busyTimeoutMs);
  } catch (error) {
    if (sidecars.length === 2 && fileSize(sidecars[0]) === 0) for (const f of sidecars) rmSync(f, { force: true });
    throw error;
  }
}

function inspectReadOnly(file: string, migrations: Migration[], options: OpenDatabaseOptions, busyTimeoutMs: number): void {
  const size = fileSize(file) ?? 0;
  if (size > 0 && (size < 100 || readHeader(file) !== SQLITE_HEADER)) {
    throw new DbError('DB_CORRUPT', `${file} is not a database (its header is not SQLite's); it was not opened or changed — restore a backup or choose another file`, file);
  }
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs, nativeBinding: options.nativeBinding });
    const check = options.check ?? 'quick';
    if (check !== 'none') {
      const rows = db.pragma(check === 'full' ? 'integrity_check(5)' : 'quick_check(5)') as Array<Record<string, string>>;
      const problems = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
      if (problems.length > 0) {
        throw new DbError('DB_CORRUPT', `${file} failed its integrity check (${problems.join('; ')}); it was not opened or changed — restore a backup`, file);
      }
    }
    const appId = db.pragma('application_id', { simple: true });
    const applied = readApplied(db);
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
    if ((appId !== 0 && appId !== APPLICATION_ID) || (applied.length === 0 && tables.n > 0)) {
      throw new DbError('DB_NOT_SPECBENCH', `${file} is an SQLite database of another application; it was not opened or changed`, file);
    }
    planMigrations(applied, migrations, file);
  } catch (error) {
    throw toDbError(error, file, busyTimeoutMs);
  } finally {
    db?.close();
  }
}
