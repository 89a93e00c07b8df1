import { z } from 'zod';
import { defaultDataDir } from '../paths.js';
import { openSpecStore, type SpecStore } from '../store/spec-store.js';
import type { StoreContract } from '../store/contract/store-contract.js';
import { UsageError } from '../common/usage-error.js';
import type { CliIo } from './command.js';

/**
 * Opens the store in $SPECBENCH_HOME (or ~/.specbench), runs `fn`, and closes it even on
 * failure. A database that cannot be used fails here with its DbError (exit 1).
 */
export async function withCliStore<T>(io: CliIo, fn: (store: SpecStore) => Promise<T> | T): Promise<T> {
  const store = openSpecStore(defaultDataDir(io.env));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

// The value is never echoed: a database URL may carry a password.
const databaseUrlSchema = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//i.test(v) && URL.canParse(v), 'must be a postgres:// or postgresql:// URL (postgres://user:password@host:5432/database)');

/**
 * The team database the command should use instead of the local library: `--database-url URL`,
 * else $SPECBENCH_DATABASE_URL, else null (the local SQLite library). A malformed URL is a UsageError.
 */
export function cliDatabaseUrl(flag: string | true | undefined, io: CliIo): string | null {
  const [value, from] = flag !== undefined ? [flag, '--database-url'] : [io.env.SPECBENCH_DATABASE_URL, 'SPECBENCH_DATABASE_URL'];
  if (value === undefined || value === '') return null;
  const parsed = databaseUrlSchema.safeParse(typeof value === 'string' ? value : '');
  if (!parsed.success) throw new UsageError(`${from} ${parsed.error.issues[0]?.message ?? 'is not a database URL'}`);
  return parsed.data;
}

/**
 * Opens the store contract on the PostgreSQL database at `url` (migrating it under the advisory
 * lock), runs `fn`, and closes the pool even on failure. An unreachable database fails here with
 * DATABASE_UNAVAILABLE naming the host and reason (exit 1), never the password.
 */
export async function withCliPgStore<T>(url: string, fn: (store: StoreContract) => Promise<T>): Promise<T> {
  // Loaded only when asked for: the local commands never pay for the PostgreSQL driver.
  const { openPgStore } = await import('../store/pg/pg-store.js');
  const store = await openPgStore(url, { max: 2 });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const positive = z.coerce.number().int().positive();

/** A positive integer argument (spec id, version number), or a UsageError naming it. */
export function positiveInt(value: string | true | undefined, what: string): number {
  const parsed = positive.safeParse(value);
  if (typeof value !== 'string' || !parsed.success) throw new UsageError(`${what} must be a positive whole number, got "${String(value ?? '')}"`);
  return parsed.data;
}

/** Left-aligned columns for text output; the last column is not padded. */
export function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}

/** `2026-11-02T10:15:30.123Z` → `2026-11-02 10:15` (UTC), short enough for a table. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
