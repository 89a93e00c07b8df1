import type { ApiErrorShape, Envelope } from '../../../core/contract/define.js';
import { isOperationName, operations, type OperationName } from '../../../core/contract/operations.js';
import { decideAccess } from '../../../core/team/access-table.js';
import { HostError } from '../../common/host-error.js';
import type { ComputePool } from '../../compute/compute-pool.js';
import { nowIso } from '../../store/session.js';
import type { PgStore } from '../../store/pg/pg-store.js';
import type { RequestActor, TeamEvents } from '../team-types.js';
import { describeIssues } from '../../handlers/dispatch.js';
import { teamHandlers } from './handlers.js';
import type { TeamCallContext, TeamHandlers } from './registry.js';
import { specFactsFor } from './spec-facts.js';

/**
 * Every contract operation on the team server for a signed-in caller: arguments checked by the
 * contract's schemas, the caller's role checked against the access table, then the PostgreSQL
 * store. `status` is the HTTP status the server answers with (200, 400, 403, 404, 500, 501, 503).
 */
export interface TeamApi {
  call(actor: RequestActor, name: string, args: unknown): Promise<{ status: number; envelope: Envelope<unknown> }>;
}

export interface TeamApiDeps {
  store: PgStore;
  events: TeamEvents;
  compute: ComputePool;
  /** The Specbench version app.info reports; default "0.0.0". */
  version?: string;
  /** The clock of ownership and membership rows; default: now. */
  now?: () => string;
  /**
   * Told when an event could not be published after a change was committed. The call still
   * succeeds (the change happened); the other windows see it on their next read.
   */
  onPublishError?: (error: unknown, event: { name: string; specId: number | null }) => void;
  /**
   * Handlers added to (or replacing) the built-in ones, e.g. presence's `team.presence.set`
   * (`(ctx, args) => presence.set(ctx.actor, args)`). The access table still decides who may call them.
   */
  handlers?: TeamHandlers;
}

/**
 * HTTP status per error code. Access and transport failures get their own status; every other
 * failure of an operation (NOT_FOUND, CONFLICT, TEXT_CHANGED…) is an answer the client reads from
 * the envelope, 200 as in browser mode, so the renderer treats both hosts alike.
 */
const STATUS: Readonly<Record<string, number>> = {
  INVALID_ARGUMENTS: 400,
  FORBIDDEN: 403,
  UNKNOWN_OPERATION: 404,
  NOT_IN_TEAM_MODE: 404,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  DATABASE_UNAVAILABLE: 503,
};

export function statusOfError(code: string): number {
  return STATUS[code] ?? 200;
}

function fail(error: ApiErrorShape): { status: number; envelope: Envelope<unknown> } {
  return { status: statusOfError(error.code), envelope: { ok: false, error } };
}

/** Builds the team API over the PostgreSQL store. */
export function createTeamApi(deps: TeamApiDeps): TeamApi {
  const handlers: TeamHandlers = { ...teamHandlers(deps.store), ...deps.handlers };
  const now = deps.now ?? nowIso;
  const version = deps.version ?? '0.0.0';

  function contextFor(actor: RequestActor): TeamCallContext {
    const by = { accountId: actor.account.id, name: actor.account.name };
    return {
      actor,
      by,
      store: deps.store,
      compute: deps.compute,
      reviews: deps.store.reviews({ id: actor.account.id, name: actor.account.name, email: actor.account.email }),
      now,
      version,
      publish: async (name, payload, specId) => {
        try {
          await deps.events.publish({ name, payload, specId, by });
        } catch (error) {
          if (deps.onPublishError) deps.onPublishError(error, { name, specId });
          // Never silent: without a handler the failure still reaches the process's log.
          else console.warn(`team API: publishing ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    };
  }

  async function run(actor: RequestActor, name: OperationName, rawArgs: unknown): Promise<{ status: number; envelope: Envelope<unknown> }> {
    const role = actor.account.role;
    // The role alone decides most refusals: before the arguments are even read, so a refused
    // caller learns nothing from validation messages and nothing is looked up.
    const byRole = decideAccess(name, role, null);
    if (!byRole.ok) return fail({ code: byRole.code, message: byRole.message });

    const parsed = operations[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) return fail({ code: 'INVALID_ARGUMENTS', message: `${name}: ${describeIssues(parsed.error)}` });

    const facts = await specFactsFor(deps.store.db, name, parsed.data, actor.account);
    const bySpec = decideAccess(name, role, facts);
    if (!bySpec.ok) return fail({ code: bySpec.code, message: bySpec.message });

    const handler = handlers[name] as ((ctx: TeamCallContext, args: unknown) => Promise<unknown>) | undefined;
    if (!handler) return fail({ code: 'NOT_IMPLEMENTED', message: `${name} is not available on the team server yet` });
    return { status: 200, envelope: { ok: true, value: await handler(contextFor(actor), parsed.data) } };
  }

  return {
    async call(actor, name, rawArgs) {
      if (!isOperationName(name)) return fail({ code: 'UNKNOWN_OPERATION', message: `unknown operation "${name}"` });
      try {
        return await run(actor, name, rawArgs);
      } catch (error) {
        if (error instanceof HostError) return fail({ code: error.code, message: error.message });
        // Unexpected failures keep their message (useful, never secret here) but not their stack.
        return fail({ code: 'INTERNAL', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
  };
}
