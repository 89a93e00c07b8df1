import type { Envelope } from '../../../core/contract/define.js';
import type { ComputePool } from '../../compute/compute-pool.js';
import type { PgStore } from '../../store/pg/pg-store.js';
import type { RequestActor, TeamEvents } from '../team-types.js';

/**
 * Every contract operation on the team server for a signed-in caller: arguments checked by the
 * contract's schemas, the caller's role checked against the access table, then the PostgreSQL
 * store. `status` is the HTTP status the server answers with (200, 400, 403, 404, 503).
 */
export interface TeamApi {
  call(actor: RequestActor, name: string, args: unknown): Promise<{ status: number; envelope: Envelope<unknown> }>;
}

export interface TeamApiDeps {
  store: PgStore;
  events: TeamEvents;
  compute: ComputePool;
}

/** PLACEHOLDER until the access and API branch lands: every call is refused. */
export function createTeamApi(deps: TeamApiDeps): TeamApi {
  void deps;
  return { call: async () => ({ status: 501, envelope: { ok: false, error: { code: 'NOT_IMPLEMENTED', message: 'the team API is not built yet' } } }) };
}
