import { after, type TestContext } from 'node:test';
import { DecisionStore } from '../../../../host/store/decisions.js';
import { ReviewThreadService } from '../../../../host/review-threads/service.js';
import { openSpecStore } from '../../../../host/store/spec-store.js';
import { sqliteStoreContract } from '../../../../host/store/contract/sqlite-store.js';
import type { StoreContract } from '../../../../host/store/contract/store-contract.js';
import { openPgStore } from '../../../../host/store/pg/pg-store.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { tempDir } from '../../../support/temp-dir.js';

/**
 * The two implementations of the store contract, each opened fresh for one test: SQLite in a
 * temporary data folder, PostgreSQL in a new database of this test process's embedded cluster.
 * A contract test is written once and run by `for (const backend of backends)`.
 */
export interface Backend {
  name: 'sqlite' | 'postgres';
  open(t: TestContext): Promise<StoreContract>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async open(t) {
    const store = openSpecStore(tempDir('specbench-contract-', t));
    const contract = sqliteStoreContract({ store, reviewThreads: new ReviewThreadService(store), decisions: new DecisionStore(store) });
    t.after(() => contract.close());
    return contract;
  },
};

// One database held for the whole file keeps the embedded cluster up between tests (it stops
// when its last user releases), so each test pays for a CREATE DATABASE, not a cluster start.
let keeper: ReturnType<typeof acquireDatabase> | undefined;

export const postgresBackend: Backend = {
  name: 'postgres',
  async open(t) {
    if (!keeper) {
      keeper = acquireDatabase('keeper');
      const held = keeper;
      after(async () => (await held).release());
    }
    await keeper;
    const database = await acquireDatabase('contract');
    const store = await openPgStore(database.url, { max: 4 });
    t.after(async () => {
      await store.close();
      await database.release();
    });
    return store;
  },
};

export const backends: readonly Backend[] = [sqliteBackend, postgresBackend];
