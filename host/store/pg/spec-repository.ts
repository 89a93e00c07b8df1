import { HostError } from '../../common/host-error.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { SpecRepository } from '../contract/store-contract.js';

/** PLACEHOLDER until the spec repository on PostgreSQL lands: every call fails with NOT_IMPLEMENTED. */
export function pgSpecRepository(db: PgDatabase): SpecRepository {
  void db;
  
  return new Proxy({} as SpecRepository, {
    get: (_t, key) => async () => {
      throw new HostError('NOT_IMPLEMENTED', `the spec repository on PostgreSQL has no ${String(key)} yet`);
    },
  });
}
