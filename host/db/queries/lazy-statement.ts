import type { Database, Statement } from 'better-sqlite3';

/**
 * A statement prepared on first use and reused after. Preparing lazily keeps opening fast and
 * lets a store run against a database at an older migration (the N-1 → N migration tests)
 * as long as it only calls statements whose tables exist there.
 */
export function lazyStatement<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): () => Statement<P, R> {
  let statement: Statement<P, R> | undefined;
  return () => (statement ??= db.prepare<P, R>(sql));
}
