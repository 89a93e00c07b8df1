import type { PgQueryable } from '../pg-database.js';

/**
 * Presence rows (migration 006): who has which spec open. Ages are compared with the database's
 * clock (`now()`), never a process's, so every `team serve` process agrees on who has expired.
 */
export interface PresencePerson {
  accountId: string;
  name: string;
}

interface PersonRow {
  account_id: string;
  name: string;
}

const fresh = "seen_at > now() - make_interval(secs => $2::double precision / 1000)";

export const presenceQueries = {
  /** The spec a session had open (still fresh), or null. */
  async specOf(q: PgQueryable, sessionId: string, ttlMs: number): Promise<number | null> {
    const row = await q.one<{ spec_id: number }>(`SELECT spec_id FROM presence WHERE session_id = $1 AND ${fresh}`, [sessionId, ttlMs]);
    return row?.spec_id ?? null;
  },
  /** Records (or refreshes) that a session has a spec open. */
  async upsert(q: PgQueryable, entry: { sessionId: string; accountId: string; name: string; specId: number }): Promise<void> {
    await q.rows(
      `INSERT INTO presence (session_id, account_id, name, spec_id, seen_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (session_id) DO UPDATE SET account_id = EXCLUDED.account_id, name = EXCLUDED.name, spec_id = EXCLUDED.spec_id, seen_at = now()`,
      [entry.sessionId, entry.accountId, entry.name, entry.specId],
    );
  },
  /** Forgets a session; answers the spec it had open (expired or not), or null. */
  async remove(q: PgQueryable, sessionId: string): Promise<number | null> {
    const row = await q.one<{ spec_id: number }>('DELETE FROM presence WHERE session_id = $1 RETURNING spec_id', [sessionId]);
    return row?.spec_id ?? null;
  },
  /** Deletes expired rows; answers the specs they were on. Only the process whose DELETE took a row sees it. */
  async sweep(q: PgQueryable, ttlMs: number): Promise<number[]> {
    const rows = await q.rows<{ spec_id: number }>(
      'DELETE FROM presence WHERE seen_at <= now() - make_interval(secs => $1::double precision / 1000) RETURNING spec_id',
      [ttlMs],
    );
    return [...new Set(rows.map((r) => r.spec_id))];
  },
  /** Everyone with the spec open now, one entry per account (the newest name), by name. */
  async people(q: PgQueryable, specId: number, ttlMs: number): Promise<PresencePerson[]> {
    const rows = await q.rows<PersonRow>(
      `SELECT DISTINCT ON (account_id) account_id, name FROM presence WHERE spec_id = $1 AND ${fresh} ORDER BY account_id, seen_at DESC`,
      [specId, ttlMs],
    );
    return rows.map((r) => ({ accountId: r.account_id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId));
  },
};
