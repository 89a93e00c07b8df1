import { PRESENCE_EVENT_MAX_PEOPLE, PRESENCE_TTL_MS, teamLiveOperations, type Presence } from '../../../core/contract/ops/team-live.js';
import { HostError } from '../../common/host-error.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import { presenceQueries } from '../../db/pg/queries/presence.js';
import type { RequestActor, TeamEvents } from '../team-types.js';

/** Bytes the people list may take in a notification, leaving room for the envelope (publisher id, names, `by`). */
const PRESENCE_PAYLOAD_BUDGET = 6000;

export interface PresenceOptions {
  /** How long a window counts as present after its last heartbeat (default PRESENCE_TTL_MS, 60 s). */
  ttlMs?: number;
  /** How often `startSweeping` removes expired entries and announces them (default 15 s). */
  sweepIntervalMs?: number;
}

export interface TeamPresence {
  /** The handler of `team.presence.set`: records what the caller's window has open and answers who has that spec open. */
  set(actor: RequestActor, args: unknown): Promise<Presence>;
  /** Forgets a session at once (signed out, its event stream closed) instead of waiting for it to expire. */
  leave(sessionId: string): Promise<void>;
  /** Removes expired entries and announces the specs they left. */
  sweep(): Promise<void>;
  /** Sweeps every `sweepIntervalMs`; returns the function that stops it. */
  startSweeping(onError?: (error: unknown) => void): () => void;
}

/**
 * Who has which spec open (issue 15 FR-5), kept in the `presence` table so every `team serve`
 * process answers the same. A window calls `team.presence.set` when it opens a spec and then every
 * 20 s; a change (a window arrived, left or switched spec, or an entry expired) publishes
 * `team.presence { specId, people }` for each spec concerned. Heartbeats that change nothing
 * publish nothing. Two changes on one spec from two processes can reach a window in either order;
 * the heartbeat's answer carries the current list, so a window is never wrong for longer than one
 * heartbeat.
 */
export function createPresence(db: PgDatabase, events: TeamEvents, options: PresenceOptions = {}): TeamPresence {
  const ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
  const sweepIntervalMs = options.sweepIntervalMs ?? 15_000;
  const argsSchema = teamLiveOperations['team.presence.set'].args;

  const announce = async (specIds: Iterable<number>, actor: RequestActor | null) => {
    for (const specId of new Set(specIds)) {
      const people = await presenceQueries.people(db, specId, ttlMs);
      const by = actor ? { accountId: actor.account.id, name: actor.account.name } : null;
      // A crowd is trimmed to a count rather than overflowing the notification; the heartbeat's answer lists everyone.
      let shown = people.slice(0, PRESENCE_EVENT_MAX_PEOPLE);
      const payloadOf = () => ({ specId, people: shown, ...(people.length > shown.length ? { more: people.length - shown.length } : {}) });
      // Long names: fewer entries, so the whole notification stays well under PostgreSQL's 8000 bytes.
      while (shown.length && Buffer.byteLength(JSON.stringify(payloadOf())) > PRESENCE_PAYLOAD_BUDGET) shown = shown.slice(0, -1);
      const payload = payloadOf();
      await events.publish({ name: 'team.presence', payload, specId, by });
    }
  };

  const sweep = async () => announce(await presenceQueries.sweep(db, ttlMs), null);

  return {
    async set(actor, rawArgs) {
      const parsed = argsSchema.safeParse(rawArgs);
      if (!parsed.success) throw new HostError('INVALID_ARGUMENTS', `team.presence.set: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const { specId } = parsed.data;
      const sessionId = actor.sessionId;
      let outcome: { changed: number[]; people: Presence['people'] };
      try {
        // One transaction, so one `now()`: whoever the answer leaves out as expired was swept (and is announced) here.
        outcome = await db.tx(async (q) => {
          const before = await presenceQueries.specOf(q, sessionId, ttlMs);
          const expired = await presenceQueries.sweep(q, ttlMs);
          if (specId === null) await presenceQueries.remove(q, sessionId);
          else await presenceQueries.upsert(q, { sessionId, accountId: actor.account.id, name: actor.account.name, specId });
          const moved = before === specId ? [] : [before, specId].filter((id): id is number => id !== null);
          return { changed: [...moved, ...expired], people: specId === null ? [] : await presenceQueries.people(q, specId, ttlMs) };
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23503') throw new HostError('NOT_FOUND', `spec ${specId} does not exist`);
        throw error;
      }
      await announce(outcome.changed, actor);
      return { specId, people: outcome.people };
    },
    async leave(sessionId) {
      const specId = await presenceQueries.remove(db, sessionId);
      if (specId !== null) await announce([specId], null);
    },
    sweep,
    startSweeping(onError = () => {}) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        sweep()
          .catch(onError)
          .finally(() => (running = false));
      }, sweepIntervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
