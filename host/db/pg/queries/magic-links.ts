import type { PgQueryable } from '../pg-database.js';

/** Magic-link tokens and requests of migration 004 (built to samples/magic-link-hardened.md). */
export async function recordMagicLinkRequest(q: PgQueryable, emailKey: string, at: Date): Promise<void> {
  await q.rows('INSERT INTO magic_link_requests (email_key, at) VALUES ($1, $2)', [emailKey, at]);
}

/** The newest `limit` request times for one address since `since`, newest first. */
export async function recentMagicLinkRequests(q: PgQueryable, emailKey: string, since: Date, limit: number): Promise<Date[]> {
  return (
    await q.rows<{ at: Date }>('SELECT at FROM magic_link_requests WHERE email_key = $1 AND at > $2 ORDER BY at DESC LIMIT $3', [emailKey, since, limit])
  ).map((r) => r.at);
}

/** Inserts a new token and retires the account's earlier unused ones (only the newest link works). The new row's id. */
export async function insertMagicLinkToken(q: PgQueryable, input: { accountId: string; tokenHash: string; at: Date; expiresAt: Date }): Promise<string> {
  await q.rows('UPDATE magic_link_tokens SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL', [input.accountId, input.at]);
  const row = await q.one<{ id: string }>('INSERT INTO magic_link_tokens (account_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id', [
    input.accountId,
    input.tokenHash,
    input.at,
    input.expiresAt,
  ]);
  return row!.id;
}

/** Removes a token whose email could not be sent, so no live token exists that nobody received. */
export async function deleteMagicLinkToken(q: PgQueryable, id: string): Promise<void> {
  await q.rows('DELETE FROM magic_link_tokens WHERE id = $1', [id]);
}

export type MagicLinkState = 'open' | 'used' | 'expired';

export async function magicLinkState(q: PgQueryable, tokenHash: string, at: Date): Promise<MagicLinkState | null> {
  const row = await q.one<{ used_at: Date | null; expires_at: Date }>('SELECT used_at, expires_at FROM magic_link_tokens WHERE token_hash = $1', [tokenHash]);
  if (!row) return null;
  return row.used_at ? 'used' : row.expires_at.getTime() <= at.getTime() ? 'expired' : 'open';
}

/**
 * Consumes an open token in one statement that matches only while it is unused and unexpired, so of
 * many concurrent uses exactly one signs in. The account id, or null.
 */
export async function consumeMagicLinkToken(q: PgQueryable, tokenHash: string, at: Date): Promise<string | null> {
  const row = await q.one<{ account_id: string }>(
    'UPDATE magic_link_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id',
    [tokenHash, at],
  );
  return row?.account_id ?? null;
}

export async function deleteMagicLinkRequestsBefore(q: PgQueryable, before: Date): Promise<void> {
  await q.rows('DELETE FROM magic_link_requests WHERE at < $1', [before]);
  await q.rows('DELETE FROM magic_link_tokens WHERE expires_at < $1', [before]);
}
