/**
 * The shared vocabulary of the team server (issue 15): roles, accounts, the caller of one request,
 * and the events that keep every signed-in window live. Modules: `server/` (HTTP, health, logs),
 * `auth/` (accounts, invitations, sessions), `access/` (who may call what), `api/` (contract
 * operations over the PostgreSQL store), `events/` (LISTEN/NOTIFY, presence), `stale-save.ts`.
 */
import type { TeamRole } from '../../core/team/roles.js';

// The roles are defined in core (the access table needs them); re-exported so host code keeps one import.
export { TEAM_ROLES, type TeamRole } from '../../core/team/roles.js';

export interface Account {
  /** Stable UUID; also the review repository's person id for this account. */
  id: string;
  email: string;
  name: string;
  /** The workspace role; per-spec roles (owner, invited reviewer) come from the access module. */
  role: TeamRole;
}

/** The signed-in caller of one request. */
export interface RequestActor {
  account: Account;
  sessionId: string;
}

/**
 * One change another window should see: published by the process that made it, delivered to the
 * subscribers of every `team serve` process on the database (PostgreSQL LISTEN/NOTIFY).
 * `name` and `payload` are a host event of the contract (`core/contract`), sent as is over SSE.
 */
export interface TeamEvent {
  name: string;
  payload: unknown;
  /** The spec it concerns, so a window not allowed to read that spec never receives it; null: everyone. */
  specId: number | null;
  /** Who caused it (the sender's own window ignores its echo). */
  by: { accountId: string; name: string } | null;
  /** When it was published (ms since epoch), for delivery-latency figures. */
  at: number;
}

export interface TeamEvents {
  /** Delivers to every subscriber in every process (and to this one's). */
  publish(event: Omit<TeamEvent, 'at'>): Promise<void>;
  subscribe(listener: (event: TeamEvent) => void): () => void;
  close(): Promise<void>;
}
