import { z } from 'zod';
import { defaultDataDir } from '../paths.js';
import { openSpecStore, type SpecStore } from '../store/spec-store.js';
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
