import { pgSchemaState } from '../../db/pg/migrate-pg.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';

export type Readiness = { ready: true; schema: number } | { ready: false; reason: string; detail: string };

/** `/readyz` must answer a load balancer quickly even when PostgreSQL hangs. */
const READY_CHECK_MS = 3_000;

/**
 * Ready means the database answers and holds exactly the migrations this binary knows. `reason`
 * is what `/readyz` tells anyone who asks (no host names); `detail` is for the server's own log.
 */
export async function checkReadiness(db: PgDatabase, migrationsDir?: string): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'the database does not answer', detail: `no answer from ${db.where} within ${READY_CHECK_MS} ms` }), READY_CHECK_MS);
  });
  const check = async (): Promise<Readiness> => {
    try {
      const state = migrationsDir ? await pgSchemaState(db, migrationsDir) : await pgSchemaState(db);
      if (state.database < state.binary) {
        return { ready: false, reason: `migrations pending: the database is at schema ${state.database}, this binary needs ${state.binary}`, detail: `schema ${state.database} < ${state.binary}` };
      }
      if (state.database > state.binary) {
        return { ready: false, reason: `the database schema ${state.database} is newer than this binary's ${state.binary}`, detail: `schema ${state.database} > ${state.binary}` };
      }
      return { ready: true, schema: state.database };
    } catch (error) {
      return { ready: false, reason: 'the database does not answer', detail: error instanceof Error ? error.message : String(error) };
    }
  };
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
