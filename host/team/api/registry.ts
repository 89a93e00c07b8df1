import type { OperationName, ParsedArgsOf, ResultOf } from '../../../core/contract/operations.js';
import type { ComputePool } from '../../compute/compute-pool.js';
import type { ReviewRepository } from '../../store/contract/store-contract.js';
import type { PgStore } from '../../store/pg/pg-store.js';
import type { RequestActor } from '../team-types.js';
import type { TeamApiEventName, TeamApiEventPayloads } from './live-events.js';

/**
 * What a team handler gets for one call: the signed-in caller, the PostgreSQL store, the review
 * repository acting as the caller, the compute pool, and `publish` for the event other windows
 * need after a change. The access check has already passed when a handler runs.
 */
export interface TeamCallContext {
  actor: RequestActor;
  store: PgStore;
  reviews: ReviewRepository;
  compute: ComputePool;
  /**
   * Sends a live event to every signed-in window (all processes); `specId` lets the stream filter
   * by spec. Never rejects: the change is committed by then, so a failed publish is reported to
   * `TeamApiDeps.onPublishError` and the other windows catch up on their next read.
   */
  publish<K extends TeamApiEventName>(name: K, payload: TeamApiEventPayloads[K], specId: number | null): Promise<void>;
  /** `{ accountId, name }` of the caller, for event payloads. */
  by: { accountId: string; name: string };
  now(): string;
  /** The Specbench version the server runs (app.info). */
  version: string;
}

export type TeamHandler<K extends OperationName> = (ctx: TeamCallContext, args: ParsedArgsOf<K>) => Promise<ResultOf<K>>;

/**
 * Team handlers keyed by operation name. Each domain file exports one of these; `handlers.ts`
 * spreads them together, so a new file (the decision operations) is one import and one spread.
 * An operation the access table allows but no file handles answers 501 NOT_IMPLEMENTED.
 */
export type TeamHandlers = { [K in OperationName]?: TeamHandler<K> };

/** Operations written as `(args, caller)` functions (the decision operations' shape). */
export type CallerOps = { [K in OperationName]?: (args: ParsedArgsOf<K>, caller: RequestActor) => Promise<ResultOf<K>> };

/** Adapts `(args, caller)` functions to team handlers, so such a module joins with one spread. */
export function fromCallerOps(ops: CallerOps): TeamHandlers {
  const handlers: Record<string, TeamHandler<OperationName>> = {};
  for (const [name, op] of Object.entries(ops) as Array<[OperationName, (args: unknown, caller: RequestActor) => Promise<never>]>) {
    handlers[name] = (ctx, args) => op(args, ctx.actor);
  }
  return handlers as TeamHandlers;
}
