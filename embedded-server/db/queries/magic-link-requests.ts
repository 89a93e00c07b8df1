import { randomUUID } from 'node:crypto';
import { prepared, type Queryable } from '../pool.js';
import type { UserStatus } from './users.js';

/**
 * Serialises every request for one address until the transaction ends, so that counting and
 * recording cannot interleave: 20 concurrent requests see counts 0..19, not 0 twenty times.
 */
export async function lockAddress(db: Queryable, email: string): Promise<void> {
  await db.query(prepared('lock-address', 'SELECT pg_advisory_xact_lock(hashtext($1))', [email]));
}

export async function countRequestsSince(db: Queryable, email: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    prepared('count-requests', 'SELECT count(*)::int AS n FROM magic_link_requests WHERE email = $1 AND requested_at > $2', [email, since]),
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
  userStatus: UserStatus | null;
  tokenId: string;
  userId: string;
  /** False when nobody eligible owns the address and the token went to the decoy user (see seed.ts). */
  real: boolean;
}

/**
 * One statement for every address, registered or not: record the request, invalidate the
 * owner's unused links and insert the new token (data-modifying CTEs run whether or not the
 * final SELECT reads them). When no eligible user owns the address, the
 * invalidation and the insert run for the decoy user instead, whose token the caller deletes
 * right away — so the database does the same work for unknown emails (NFR-3: no timing oracle).
 */
const RECORD_AND_ISSUE = `
  WITH recorded AS (
    INSERT INTO magic_link_requests (email, requested_at) VALUES ($1, $2) RETURNING id
  ), target AS (
    SELECT id, status FROM users WHERE email = $1
  ), eligible AS (
    SELECT id FROM target WHERE status = 'active' OR NOT $5::boolean
  ), chosen AS (
    -- One primary-key lookup either way: the eligible user's, or the decoy's.
    SELECT u.id, EXISTS (SELECT 1 FROM eligible) AS real
    FROM users u WHERE u.id = COALESCE((SELECT id FROM eligible), $7::uuid)
  ), invalidated AS (
    -- The decoy's own (deleted) tokens would make its index probe slower than a real user's:
    -- probe a random id instead, which finds nothing, like the probe for a user without links.
    UPDATE magic_link_tokens SET used_at = $2
    WHERE user_id = (SELECT CASE WHEN real THEN id ELSE $8::uuid END FROM chosen) AND used_at IS NULL AND $6::boolean
    RETURNING id
  ), issued AS (
    INSERT INTO magic_link_tokens (user_id, token_hash, expires_at, created_at)
    SELECT id, $3, $4, $2 FROM chosen
    RETURNING id, user_id
  )
  SELECT (SELECT status FROM target) AS user_status,
         (SELECT id FROM issued) AS token_id,
         (SELECT user_id FROM issued) AS user_id,
         (SELECT real FROM chosen) AS real`;

export async function recordRequestAndIssueToken(db: Queryable, input: IssueInput, decoyUserId: string): Promise<IssueResult> {
  const { rows } = await db.query<{ user_status: UserStatus | null; token_id: string | null; user_id: string | null; real: boolean | null }>(
    prepared('record-and-issue', RECORD_AND_ISSUE, [
      input.email,
      input.now,
      input.storedTokenValue,
      input.expiresAt,
      input.activeOnly,
      input.invalidateEarlier,
      decoyUserId,
      randomUUID(),
    ]),
  );
  const row = rows[0];
  if (!row?.token_id || !row.user_id) throw new Error('no token was issued: the decoy user is missing (seedDemoUsers creates it)');
  return { userStatus: row.user_status, tokenId: row.token_id, userId: row.user_id, real: row.real === true };
}
