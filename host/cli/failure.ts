import { HostError } from '../common/host-error.js';
import { UsageError } from '../common/usage-error.js';
import { errnoCode, fsReason } from '../common/fs-error.js';

/**
 * Database failures that are about the database itself (damaged, newer, locked, disk full, unreachable)
 * exit 1, "the database cannot be used"; a wrong or unwritable path is an input error (2).
 */
const DATABASE_UNUSABLE = new Set(['DB_LOCKED', 'DB_CORRUPT', 'DB_NEWER', 'DB_MIGRATIONS_MISMATCH', 'DB_MIGRATION_FAILED', 'DB_NOT_SPECBENCH', 'DB_IO', 'DISK_FULL', 'DATABASE_UNAVAILABLE']);

/**
 * What the CLI prints (one line, in words) and its exit code for a failed command: 2 for
 * usage and input errors (bad flags, files, folders, configs, paths), 1 when the database cannot
 * be used, and 1 for anything unexpected (a bug), whose first line is still shown.
 */
export function describeFailure(error: unknown): { message: string; exitCode: 1 | 2 } {
  if (error instanceof UsageError) return { message: firstLine(error.message), exitCode: 2 };
  if (error instanceof HostError) return { message: firstLine(error.message), exitCode: DATABASE_UNUSABLE.has(error.code) ? 1 : 2 };
  if (errnoCode(error)) {
    // A raw Node error escaped: say it in words and name the path, never "EISDIR: … mkdir".
    const path = (error as NodeJS.ErrnoException).path;
    return { message: path ? `${path}: ${fsReason(error)}` : fsReason(error), exitCode: 2 };
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { message: 'the input is nested too deeply to process', exitCode: 2 };
  }
  return { message: firstLine(error instanceof Error ? error.message : String(error)), exitCode: 1 };
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
