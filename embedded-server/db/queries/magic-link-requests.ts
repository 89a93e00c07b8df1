import type { Queryable } from '../pool.js';
import type { UserStatus } from './users.js';

/**
 * Serialises every request for one address until the transaction ends, so that counting and
 * recording cannot interleave: 20 concurrent requests see counts 0..19, not 0 twenty times.
 */
export async function lockAddress(db: Queryable, email: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [email]);
}

export async function countRequestsSince(db: Queryable, email: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM magic_link_requests WHERE email = $1 AND requested_at > $2',
    [email, since],
  );
  return rows[0]?.n ?? 0;
}

export interface IssueInput {
  email: string;
  now: Date;
  storedTokenValue: string;
  expiresAt: Date;
  /** false only under the `suspended-gets-link` defect */
  activeOnly: boolean;
  /** false only under the `old-links-stay-valid` defect */
  invalidateEarlier: boolean;
}

export interface IssueResult {
  requestId: string;
  userStatus: UserStatus | null;
  tokenId: string | null;
  userId: string | null;
}

/**
 * One statement for every address, registered or not: record the request, then — only if an
 * eligible user owns the address — invalidate their unused links and insert the new token.
 * The statement is the same either way, so the database does comparable work for unknown emails.
 */
const RECORD_AND_ISSUE = `
  WITH recorded AS (
    INSERT INTO magic_link_requests (email, requested_at) VALUES ($1, $2) RETURNING id
  ), target AS (
    SELECT id, status FROM users WHERE email = $1
  ), eligible AS (
    SELECT id FROM target WHERE status = 'active' OR NOT $5::boolean
  ), invalidated AS (
    UPDATE magic_link_tokens SET used_at = $2
    WHERE user_id IN (SELECT id FROM eligible) AND used_at IS NULL AND $6::boolean
    RETURNING id
  ), issued AS (
    INSERT INTO magic_link_tokens (user_id, token_hash, expires_at, created_at)
    SELECT id, $3, $4, $2 FROM eligible
    RETURNING id, user_id
  )
  SELECT (SELECT id::text FROM recorded) AS request_id,
         (SELECT status FROM target) AS user_status,
         (SELECT id FROM issued) AS token_id,
         (SELECT user_id FROM issued) AS user_id,
         (SELECT count(*) FROM invalidated)::int AS invalidated`;

export async function recordRequestAndIssueToken(db: Queryable, input: IssueInput): Promise<IssueResult> {
  const { rows } = await db.query<{ request_id: string; user_status: UserStatus | null; token_id: string | null; user_id: string | null }>(
    RECORD_AND_ISSUE,
    [input.email, input.now, input.storedTokenValue, input.expiresAt, input.activeOnly, input.invalidateEarlier],
  );
  const row = rows[0];
  if (!row) throw new Error('recording the request returned no row');
  return { requestId: row.request_id, userStatus: row.user_status, tokenId: row.token_id, userId: row.user_id };
}

/**
 * The write an unknown or suspended address does instead of the outbox insert, so that both
 * kinds of address end the request with one single-row write (NFR-3: no timing oracle).
 */
export async function rewriteRequestRow(db: Queryable, requestId: string): Promise<void> {
  await db.query('UPDATE magic_link_requests SET requested_at = requested_at WHERE id = $1', [requestId]);
}
