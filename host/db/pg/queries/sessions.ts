import type { TeamRole } from '../../../team/team-types.js';
import type { PgQueryable } from '../pg-database.js';

/** Server-side sessions of migration 004: the cookie holds a random token, the row its SHA-256. */
export async function insertSession(
  q: PgQueryable,
  input: { idHash: string; accountId: string; csrfToken: string; at: Date; idleExpiresAt: Date; absoluteExpiresAt: Date },
): Promise<void> {
  await q.rows(
    `INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, $4, $4, $5, $6)`,
    [input.idHash, input.accountId, input.csrfToken, input.at, input.idleExpiresAt, input.absoluteExpiresAt],
  );
}

export interface LiveSession {
  idHash: string;
  csrfToken: string;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  account: { id: string; email: string; name: string; role: TeamRole };
}

/** The session with this hash when it is neither ended, idle-expired, absolutely expired, nor of a disabled account. */
export async function findLiveSession(q: PgQueryable, idHash: string, at: Date): Promise<LiveSession | null> {
  const row = await q.one<{
    id_hash: string;
    csrf_token: string;
    last_seen_at: Date;
    absolute_expires_at: Date;
    account_id: string;
    email: string;
    name: string;
    role: TeamRole;
  }>(
    `SELECT s.id_hash, s.csrf_token, s.last_seen_at, s.absolute_expires_at, a.id AS account_id, a.email, a.name, a.role
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.id_hash = $1 AND s.ended_at IS NULL AND s.idle_expires_at > $2 AND s.absolute_expires_at > $2 AND NOT a.disabled`,
    [idHash, at],
  );
  if (!row) return null;
  return {
    idHash: row.id_hash,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    absoluteExpiresAt: row.absolute_expires_at,
    account: { id: row.account_id, email: row.email, name: row.name, role: row.role },
  };
}

/** Records activity: the idle expiry moves, never past the absolute one. */
export async function touchSession(q: PgQueryable, idHash: string, at: Date, idleExpiresAt: Date): Promise<void> {
  await q.rows('UPDATE sessions SET last_seen_at = $2, idle_expires_at = least($3, absolute_expires_at) WHERE id_hash = $1 AND ended_at IS NULL', [
    idHash,
    at,
    idleExpiresAt,
  ]);
}

/** Ends one session; true when it was live. */
export async function endSession(q: PgQueryable, idHash: string, at: Date): Promise<boolean> {
  return (await q.rows('UPDATE sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL RETURNING id_hash', [idHash, at])).length > 0;
}

/** Ends every live session of an account (disabled, or its password was set anew). The number ended. */
export async function endAccountSessions(q: PgQueryable, accountId: string, at: Date): Promise<number> {
  return (await q.rows('UPDATE sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL RETURNING id_hash', [accountId, at])).length;
}

/** Forgets sessions that can no longer authenticate and ended or expired before `before`. */
export async function deleteDeadSessions(q: PgQueryable, before: Date): Promise<void> {
  await q.rows('DELETE FROM sessions WHERE absolute_expires_at < $1 OR ended_at < $1 OR idle_expires_at < $1', [before]);
}
