import { HostError } from '../../common/host-error.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { DecisionRepository } from '../contract/store-contract.js';

/** PLACEHOLDER until the decision repository on PostgreSQL lands: every call fails with NOT_IMPLEMENTED. */
export function pgDecisionRepository(db: PgDatabase): DecisionRepository {
  void db;
  
  return new Proxy({} as DecisionRepository, {
    get: (_t, key) => async () => {
      throw new HostError('NOT_IMPLEMENTED', `the decision repository on PostgreSQL has no ${String(key)} yet`);
    },
  });
}
