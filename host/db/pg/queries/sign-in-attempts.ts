import type { PgQueryable } from '../pg-database.js';

/** Password sign-in attempts of migration 004, for the per-address and per-client limits. */
export async function recordSignInAttempt(q: PgQueryable, input: { emailKey: string; clientAddress: string; succeeded: boolean; at: Date }): Promise<void> {
  await q.rows('INSERT INTO sign_in_attempts (email_key, client_address, succeeded, at) VALUES ($1, $2, $3, $4)', [
    input.emailKey,
    input.clientAddress,
    input.succeeded,
    input.at,
  ]);
}

/**
 * The times of the newest `limit` failures since `since` for one typed address (`by: 'email'`) or
 * one client, newest first. When there are `limit` of them the caller is over the limit until the
 * oldest of them leaves the window.
 */
export async function recentSignInFailures(q: PgQueryable, by: 'email' | 'client', key: string, since: Date, limit: number): Promise<Date[]> {
  // Two fixed statements rather than a column name built into the SQL.
  const sql =
    by === 'email'
      ? 'SELECT at FROM sign_in_attempts WHERE email_key = $1 AND NOT succeeded AND at > $2 ORDER BY at DESC LIMIT $3'
      : 'SELECT at FROM sign_in_attempts WHERE client_address = $1 AND NOT succeeded AND at > $2 ORDER BY at DESC LIMIT $3';
  return (await q.rows<{ at: Date }>(sql, [key, since, limit])).map((r) => r.at);
}

export async function deleteSignInAttemptsBefore(q: PgQueryable, before: Date): Promise<void> {
  await q.rows('DELETE FROM sign_in_attempts WHERE at < $1', [before]);
}
