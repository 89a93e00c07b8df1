import { prepared, type Queryable } from '../pool.js';
import type { UserStatus } from './users.js';

export interface MagicLinkTokenRow {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

/**
 * The whole of a successful verify: one statement that marks the token used only if it is unused,
 * unexpired and its user active. Of any number of concurrent callers exactly one gets the row.
 */
const CONSUME = `
  UPDATE magic_link_tokens t SET used_at = $2
  FROM users u
  WHERE t.token_hash = $1 AND t.user_id = u.id AND u.status = 'active'
    AND t.used_at IS NULL AND t.expires_at > $2
  RETURNING t.id, t.user_id`;

// The `token-reuse` and `no-expiry` defects: the same statement with one condition missing.
const CONSUME_IGNORING_USED = `
  UPDATE magic_link_tokens t SET used_at = $2
  FROM users u
  WHERE t.token_hash = $1 AND t.user_id = u.id AND u.status = 'active'
    AND t.expires_at > $2
  RETURNING t.id, t.user_id`;
const CONSUME_IGNORING_EXPIRY = `
  UPDATE magic_link_tokens t SET used_at = $2
  FROM users u
  WHERE t.token_hash = $1 AND t.user_id = u.id AND u.status = 'active'
    AND t.used_at IS NULL
  RETURNING t.id, t.user_id`;

export type ConsumeVariant = 'correct' | 'ignore-used' | 'ignore-expiry';

const CONSUME_SQL: Record<ConsumeVariant, string> = {
  correct: CONSUME,
  'ignore-used': CONSUME_IGNORING_USED,
  'ignore-expiry': CONSUME_IGNORING_EXPIRY,
};

export async function consumeToken(
  db: Queryable,
  storedValue: string,
  now: Date,
  variant: ConsumeVariant = 'correct',
): Promise<{ id: string; user_id: string } | null> {
  const { rows } = await db.query<{ id: string; user_id: string }>(prepared(`consume-token-${variant}`, CONSUME_SQL[variant], [storedValue, now]));
  return rows[0] ?? null;
}

export interface TokenState {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  user_status: UserStatus;
}

/** Why a token did not verify (or, for the `verify-race` defect, whether it may). */
export async function findTokenState(db: Queryable, storedValue: string): Promise<TokenState | null> {
  const { rows } = await db.query<TokenState>(
    prepared(
      'token-state',
      `SELECT t.id, t.user_id, t.expires_at, t.used_at, u.status AS user_status
       FROM magic_link_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [storedValue],
    ),
  );
  return rows[0] ?? null;
}

/** The `verify-race` defect's write: no condition, so every reader that saw "unused" wins. */
export async function markTokenUsedUnconditionally(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('UPDATE magic_link_tokens SET used_at = $2 WHERE id = $1', [id, now]);
}

/** Every outstanding link of the user stops working (password change). */
export async function invalidateUserTokens(db: Queryable, userId: string, now: Date): Promise<number> {
  const { rowCount } = await db.query('UPDATE magic_link_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);
  return rowCount ?? 0;
}

/**
 * Deletes the decoy user's token (see seed.ts). RETURNING the row is deliberate: measured on the
 * embedded PostgreSQL, a plain DELETE is ~15 µs cheaper than the outbox INSERT a registered
 * address costs, and with the row sent back the two paths cost the same (NFR-3).
 */
export async function discardDecoyToken(db: Queryable, id: string): Promise<void> {
  await db.query(prepared('discard-decoy-token', 'DELETE FROM magic_link_tokens WHERE id = $1 RETURNING *', [id]));
}

export async function deleteToken(db: Queryable, id: string): Promise<void> {
  await db.query(prepared('delete-token', 'DELETE FROM magic_link_tokens WHERE id = $1', [id]));
}

/** Rows as stored, newest first; optionally only those of one user (by normalised email). */
export async function listTokens(db: Queryable, email?: string): Promise<MagicLinkTokenRow[]> {
  const { rows } = await db.query<MagicLinkTokenRow>(
    `SELECT t.* FROM magic_link_tokens t JOIN users u ON u.id = t.user_id
     WHERE $1::text IS NULL OR u.email = $1
     ORDER BY t.created_at DESC, t.id`,
    [email ?? null],
  );
  return rows;
}
