import type { PgQueryable } from '../pg-database.js';

/**
 * Per-spec roles on PostgreSQL (migration 005): spec owners and invited members, and the lookups
 * the team API's access check needs. The only SQL of the access module.
 */

export interface SpecAccessRow {
  owner: boolean;
  invited: boolean;
}

/**
 * The caller's relation to a spec, or null when the spec does not exist (the operation then runs
 * and the store answers NOT_FOUND, so nothing is revealed and nothing changes).
 */
export async function specAccess(db: PgQueryable, specId: number, accountId: string, email: string): Promise<SpecAccessRow | null> {
  return db.one<SpecAccessRow>(
    `SELECT coalesce(o.account_id = $2, false) AS owner,
            EXISTS (SELECT 1 FROM spec_members m WHERE m.spec_id = s.id AND m.email = lower($3)) AS invited
       FROM specs s LEFT JOIN spec_owners o ON o.spec_id = s.id
      WHERE s.id = $1`,
    [specId, accountId, email],
  );
}

/** Records the creating author as the owner; a spec keeps its first owner. */
export async function setSpecOwner(db: PgQueryable, specId: number, accountId: string, at: string): Promise<void> {
  await db.rows('INSERT INTO spec_owners (spec_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (spec_id) DO NOTHING', [specId, accountId, at]);
}

export async function specOwner(db: PgQueryable, specId: number): Promise<string | null> {
  const row = await db.one<{ account_id: string }>('SELECT account_id FROM spec_owners WHERE spec_id = $1', [specId]);
  return row?.account_id ?? null;
}

/** Invites `email` to the spec; inviting again changes nothing. */
export async function addSpecMember(db: PgQueryable, input: { specId: number; email: string; addedBy: string; at: string }): Promise<void> {
  await db.rows(
    `INSERT INTO spec_members (spec_id, email, role, added_by, added_at) VALUES ($1, lower($2), 'reviewer', $3, $4)
     ON CONFLICT (spec_id, email) DO NOTHING`,
    [input.specId, input.email.trim(), input.addedBy, input.at],
  );
}

export interface SpecMemberRow {
  email: string;
  role: 'reviewer';
  addedBy: string;
  addedAt: string;
}

export async function listSpecMembers(db: PgQueryable, specId: number): Promise<SpecMemberRow[]> {
  return db.rows<SpecMemberRow>(
    'SELECT email, role, added_by AS "addedBy", added_at AS "addedAt" FROM spec_members WHERE spec_id = $1 ORDER BY added_at, email',
    [specId],
  );
}

/** PostgreSQL's "undefined table": the review tables (migration 002) are not there yet. */
const UNDEFINED_TABLE = '42P01';

async function specIdOr(db: PgQueryable, sql: string, id: string): Promise<number | null> {
  try {
    return (await db.one<{ spec_id: number }>(sql, [id]))?.spec_id ?? null;
  } catch (error) {
    if ((error as { code?: string })?.code === UNDEFINED_TABLE) return null;
    throw error;
  }
}

/** The spec a review thread belongs to, or null when there is no such thread. */
export function specOfThread(db: PgQueryable, threadId: string): Promise<number | null> {
  return specIdOr(db, 'SELECT spec_id FROM review_threads WHERE id = $1', threadId);
}

/** The spec a comment's thread belongs to, or null when there is no such comment. */
export function specOfComment(db: PgQueryable, commentId: string): Promise<number | null> {
  return specIdOr(db, 'SELECT t.spec_id FROM review_comments c JOIN review_threads t ON t.id = c.thread_id WHERE c.id = $1', commentId);
}
