import { migratePg } from '../../db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase, type PgDatabaseOptions } from '../../db/pg/pg-database.js';
import type { StoreContract } from '../contract/store-contract.js';
import { pgDecisionRepository } from './decision-repository.js';
import { pgReviewRepository } from './review-repository.js';
import { pgSpecRepository } from './spec-repository.js';

export interface PgStore extends StoreContract {
  readonly dialect: 'postgres';
  /** The pool, for the team server's accounts, events and health checks (SQL still lives in host/db/pg). */
  readonly db: PgDatabase;
}

/**
 * The store contract on PostgreSQL: connects, applies pending migrations under the advisory lock
 * (refusing a database written by a newer Specbench), and returns the repositories. Rejects with
 * DATABASE_UNAVAILABLE naming the host and reason when the server cannot be reached.
 */
export async function openPgStore(url: string, options: PgDatabaseOptions & { migrate?: boolean } = {}): Promise<PgStore> {
  const db = openPgDatabase(url, options);
  try {
    if (options.migrate !== false) await migratePg(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const specs = pgSpecRepository(db);
  return {
    dialect: 'postgres',
    db,
    specs,
    reviews: (actor) => pgReviewRepository(db, actor, { specs }),
    decisions: pgDecisionRepository(db),
    close: () => db.close(),
  };
}
