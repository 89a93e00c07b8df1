import pg from 'pg';
import { HostError } from '../../common/host-error.js';

/** A client inside a transaction, or the pool itself outside one: the same two calls on both. */
export interface PgQueryable {
  /** Rows of one statement; `$1, $2…` placeholders, never string-built SQL. */
  rows<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** The first row, or null. */
  one<R>(sql: string, params?: readonly unknown[]): Promise<R | null>;
}

export interface PgDatabase extends PgQueryable {
  readonly pool: pg.Pool;
  /** The host and database the URL names (never its password), for messages and logs. */
  readonly where: string;
  /** Runs `fn` in one transaction (READ COMMITTED unless told); rolls back when it throws. */
  tx<T>(fn: (q: PgQueryable) => Promise<T>, options?: { isolation?: 'serializable' | 'repeatable read' }): Promise<T>;
  /** True when `SELECT 1` answers within the pool's connection timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface PgDatabaseOptions {
  /** Pool size per process (default 10). */
  max?: number;
  /** How long a new connection may take before the call fails as DATABASE_UNAVAILABLE (default 5000 ms). */
  connectionTimeoutMs?: number;
}

/** Connection-level failures: the server is gone, restarting or refusing us. A bad query is not one. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
const UNAVAILABLE_SQLSTATE_CLASSES = ['08', '57P']; // connection exception; operator intervention (admin shutdown, crash, cannot connect now)

/** True when `error` means the database cannot be reached now (so the caller answers 503, not 500). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof HostError) return error.code === 'DATABASE_UNAVAILABLE';
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE_CLASSES.some((c) => code.startsWith(c)))) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** `postgres://user:secret@db.internal:5432/specbench` → `db.internal:5432/specbench`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'an unparsable database URL';
  }
}

function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code === 'ECONNREFUSED') return 'connection refused (is PostgreSQL running and listening there?)';
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (e?.code === '28P01' || e?.code === '28000') return 'authentication failed (check the user and password in the URL)';
  if (e?.code === '3D000') return 'the database does not exist';
  if (e?.code === '57P01') return 'the server is shutting down';
  return e?.message ?? String(error);
}

/** Wraps a connection failure as DATABASE_UNAVAILABLE naming the host and reason; anything else passes through. */
export function toPgError(error: unknown, where: string): unknown {
  if (error instanceof HostError) return error;
  if (isUnavailable(error) || ['28P01', '28000', '3D000'].includes((error as { code?: string })?.code ?? '')) {
    return new HostError('DATABASE_UNAVAILABLE', `the database at ${where} cannot be reached: ${reasonOf(error)}`);
  }
  return error;
}

function queryable(run: (sql: string, params?: readonly unknown[]) => Promise<pg.QueryResult>, where: string): PgQueryable {
  const rows = async <R>(sql: string, params?: readonly unknown[]) => {
    try {
      return (await run(sql, params)).rows as R[];
    } catch (error) {
      throw toPgError(error, where);
    }
  };
  return { rows, one: async <R>(sql: string, params?: readonly unknown[]) => (await rows<R>(sql, params))[0] ?? null };
}

/**
 * Opens a pool on `url` (nothing connects until the first query). Every connection-level failure
 * surfaces as a HostError `DATABASE_UNAVAILABLE` that names the host, never the password; an idle
 * client dropped by a restarting server is discarded by the pool rather than crashing the process.
 */
export function openPgDatabase(url: string, options: PgDatabaseOptions = {}): PgDatabase {
  const where = describeDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000, idleTimeoutMillis: 30_000 });
  // An idle client's socket closing (PostgreSQL restarted) is reported here; the pool drops it.
  pool.on('error', () => {});
  const base = queryable((sql, params) => pool.query(sql, params as unknown[]), where);
  return {
    pool,
    where,
    ...base,
    async tx(fn, txOptions) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toPgError(error, where);
      }
      let broken = false;
      try {
        await client.query(txOptions?.isolation ? `BEGIN ISOLATION LEVEL ${txOptions.isolation.toUpperCase()}` : 'BEGIN');
        const result = await fn(queryable((sql, params) => client.query(sql, params as unknown[]), where));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw toPgError(error, where);
      } finally {
        client.release(broken);
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
