import pg from 'pg';
import type { Logger } from '../log.js';

/** What query modules need: a pool or a checked-out client, so the same function works inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig<unknown[]>): Promise<pg.QueryResult<R>>;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * A named statement: PostgreSQL parses and plans it once per connection instead of on every
 * request. For the statements on the request path; a name must always carry the same text.
 */
export function prepared(name: string, text: string, values: unknown[]): pg.QueryConfig<unknown[]> {
  return { name, text, values };
}

export type Pool = pg.Pool;

export const CONNECT_TIMEOUT_MS = 5_000;

export function createPool(connectionString: string, logger: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client loses its connection when PostgreSQL stops; without a listener that would crash the process.
  // Debug only: every pooled connection reports it, and the server logs the state change once (availability.ts).
  pool.on('error', (err) => logger.debug({ err }, 'idle database connection lost'));
  return pool;
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Fails within CONNECT_TIMEOUT_MS with the host and the driver's reason. */
export async function assertReachable(pool: pg.Pool, connectionString: string): Promise<void> {
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
    throw new DatabaseUnreachableError(`cannot connect to PostgreSQL at ${describeHost(connectionString)}: ${reason}`);
  }
}

/** host:port of a connection string, never its password. */
export function describeHost(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'the configured database';
  }
}

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that cannot even roll back is broken (its server went away): it is destroyed
  // instead of going back to the pool, where it would fail every later request with a 500.
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * pool.end() resolves before the idle connections have finished closing; stopping PostgreSQL
 * right after would cut them ("terminating connection due to administrator command").
 * This waits for every connection's own end, for at most two seconds.
 */
export async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const allClosed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open <= 0) resolve();
    });
  });
  await pool.end();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allClosed, new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
  clearTimeout(timer);
}
