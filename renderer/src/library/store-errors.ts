import { ApiError } from '../../../core/contract/client.js';

/** A failed store operation as the panels show it: the host's stable code and its message. */
export interface PanelError {
  code: string;
  message: string;
}

/**
 * Database failures the user has to act on (the file is locked, the disk is full, the file is
 * damaged or from a newer app): shown in the panel itself, not as a passing notice.
 */
const STORE_CODES = new Set([
  'DB_LOCKED',
  'DISK_FULL',
  'DB_CORRUPT',
  'DB_NEWER',
  'DB_NOT_SPECBENCH',
  'DB_MIGRATIONS_MISMATCH',
  'DB_MIGRATION_FAILED',
  'DB_READONLY',
  'DB_CANTOPEN',
  'DB_IO',
]);

export function toPanelError(error: unknown): PanelError {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error && typeof error === 'object' && 'code' in error && 'message' in error && typeof error.code === 'string') {
    return { code: error.code, message: String(error.message) };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

export function isStoreError(error: PanelError): boolean {
  return STORE_CODES.has(error.code);
}

/** What the user can do about each store failure, after the host's own message. */
export function adviceFor(code: string): string {
  switch (code) {
    case 'DB_LOCKED':
      return 'Another program is holding the database. Your text stays in the editor; try again in a moment.';
    case 'DISK_FULL':
      return 'Free some disk space and try again. Earlier versions and the text in the editor are intact.';
    case 'DB_CORRUPT':
      return 'The database was not modified. You can restore the latest backup; the damaged file is kept beside it.';
    case 'DB_NEWER':
      return 'Update Specbench to open this library. The file was left untouched.';
    default:
      return 'Your text stays in the editor.';
  }
}
