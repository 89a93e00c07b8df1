import { HostError } from '../../common/host-error.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { Actor, ReviewRepository } from '../contract/store-contract.js';

/** PLACEHOLDER until the review repository on PostgreSQL lands: every call fails with NOT_IMPLEMENTED. */
export function pgReviewRepository(db: PgDatabase, actor?: Actor): ReviewRepository {
  void db;
  void actor;
  return new Proxy({} as ReviewRepository, {
    get: (_t, key) => async () => {
      throw new HostError('NOT_IMPLEMENTED', `the review repository on PostgreSQL has no ${String(key)} yet`);
    },
  });
}
