import { HostError } from '../common/host-error.js';

/** Stable codes for database failures; the UI keys its advice on them. */
export type DbErrorCode =
  | 'DB_LOCKED'
  | 'DB_CORRUPT'
  | 'DB_NEWER'
  | 'DB_MIGRATIONS_MISMATCH'
  | 'DB_MIGRATION_FAILED'
  | 'DB_NOT_SPECBENCH'
  | 'DB_READONLY'
  | 'DB_CANTOPEN'
  | 'DB_IO'
  | 'DISK_FULL';

/** A database failure as a HostError; `file` is the database it concerns. */
export class DbError extends HostError {
  override name = 'DbError';
  constructor(
    override readonly code: DbErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(code, message);
  }
}

function sqliteCode(error: unknown): string | null {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_')) {
    return error.code;
  }
  return null;
}

/**
 * Turns a better-sqlite3 error into a DbError naming the file, so the user reads what happened
 * and what is safe ("your edit is kept"), never "SQLITE_BUSY". Other errors pass through.
 */
export function toDbError(error: unknown, file: string, busyTimeoutMs: number): unknown {
  if (error instanceof HostError) return error;
  const code = sqliteCode(error);
  if (!code) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DbError(
      'DB_LOCKED',
      `the database ${file} is locked by another process (waited ${busyTimeoutMs} ms); nothing was changed and your edit is kept — try again`,
      file,
    );
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new DbError('DISK_FULL', `the disk holding ${file} is full: the save was not written and earlier versions are intact; free some space and save again`, file);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new DbError('DB_CORRUPT', `the database ${file} is damaged (${detail}); it was not modified — restore a backup`, file);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new DbError('DB_READONLY', `the database ${file} cannot be written (${detail}); check its permissions`, file);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DbError('DB_CANTOPEN', `cannot open the database ${file} (${detail}); check that its folder exists and is writable`, file);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    // ENOSPC during a WAL write surfaces as an I/O error rather than SQLITE_FULL on some systems.
    return new DbError('DB_IO', `a disk error stopped the write to ${file} (${detail}); earlier versions are intact`, file);
  }
  return error;
}
