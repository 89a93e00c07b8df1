import type { PgQueryable } from '../pg-database.js';
import type { CommentRow, EventRow, PersonRow, ReviewerRow, ReviewRow, RoundRow, ThreadRow } from '../../queries/review-threads.js';

// Statements over the review tables of PostgreSQL migration 002, returning the same rows as the
// SQLite module (host/db/queries/review-threads.ts), whose row types they reuse. Each function
// takes the queryable it runs on: the pool, or a client inside `db.tx`. Text ids and ISO
// timestamps are ordered with the "C" collation so both dialects list rows in the same order
// (SQLite compares text bytewise). Updates name only the columns an action changes, so two
// requests touching one row on the team server do not overwrite each other's fields.

const THREAD_COLUMNS = [
  'id', 'spec_id', 'kind', 'severity', 'version_hash', 'version_number', 'requirement_id', 'quote_exact', 'quote_prefix', 'quote_suffix',
  'position_start', 'position_end', 'whole_requirement', 'anchor_hash', 'anchor_status', 'anchor_method', 'anchor_requirement_id',
  'anchor_exact', 'anchor_prefix', 'anchor_suffix', 'anchor_start', 'anchor_end', 'suggestion_text', 'suggestion_state', 'status',
  'status_by', 'status_at', 'review_id', 'finding_id', 'created_by', 'created_at',
] as const satisfies readonly (keyof ThreadRow)[];
const COMMENT_COLUMNS = ['id', 'thread_id', 'author_id', 'body', 'body_history', 'created_at', 'edited_at', 'deleted_at', 'deleted_by', 'deletion_changed_at', 'conflict_of'] as const satisfies readonly (keyof CommentRow)[];
const REVIEW_COLUMNS = ['id', 'spec_id', 'round_id', 'reviewer_id', 'state', 'verdict', 'body', 'version_hash', 'version_number', 'created_at', 'submitted_at'] as const satisfies readonly (keyof ReviewRow)[];
const ROUND_COLUMNS = ['id', 'spec_id', 'version_hash', 'version_number', 'meeting_at', 'requested_by', 'requested_at'] as const satisfies readonly (keyof RoundRow)[];
const EVENT_COLUMNS = ['id', 'spec_id', 'thread_id', 'actor_id', 'action', 'detail', 'at'] as const satisfies readonly (keyof EventRow)[];

/** `INSERT … VALUES ($1…)` for `columns`; `tail` adds ON CONFLICT / RETURNING. */
const insertSql = (table: string, columns: readonly string[], tail = '') =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ${tail}`;
const valuesOf = <R>(row: R, columns: readonly (keyof R)[]) => columns.map((c) => row[c]);

/** Inserts `row` unless its id exists; true when it was inserted (a concurrent import of the same row adds it once). */
async function insertNew<R>(q: PgQueryable, table: string, columns: readonly (keyof R & string)[], row: R): Promise<boolean> {
  return (await q.rows(insertSql(table, columns, 'ON CONFLICT DO NOTHING RETURNING id'), valuesOf(row, columns))).length > 0;
}

// People and the local profile.
export const personById = (q: PgQueryable, id: string) => q.one<PersonRow>('SELECT * FROM people WHERE id = $1', [id]);
export const personByEmail = (q: PgQueryable, email: string) => q.one<PersonRow>('SELECT * FROM people WHERE lower(email) = lower($1)', [email]);
export const peopleByIds = (q: PgQueryable, ids: readonly string[]) =>
  ids.length ? q.rows<PersonRow>('SELECT * FROM people WHERE id = ANY($1::text[])', [ids]) : Promise.resolve([]);
/** Inserts a person unless the id or the email is taken (a concurrent first action of the same account). */
export const insertPerson = async (q: PgQueryable, row: PersonRow) =>
  void (await q.rows(insertSql('people', ['id', 'name', 'email', 'created_at', 'updated_at'], 'ON CONFLICT DO NOTHING'), [row.id, row.name, row.email, row.created_at, row.updated_at]));
export const updatePerson = async (q: PgQueryable, id: string, name: string, email: string, at: string) =>
  void (await q.rows('UPDATE people SET name = $1, email = $2, updated_at = $3 WHERE id = $4', [name, email, at, id]));
/** Gives a person a new id (and the account's name and address); every reference follows (ON UPDATE CASCADE). No-op when the new id is taken. */
export const rekeyPerson = async (q: PgQueryable, oldId: string, person: { id: string; name: string; email: string }, at: string) =>
  void (await q.rows('UPDATE people SET id = $2, name = $3, email = $4, updated_at = $5 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM people WHERE id = $2)', [oldId, person.id, person.name, person.email, at]));
export const profile = (q: PgQueryable) => q.one<PersonRow>('SELECT p.* FROM local_profile l JOIN people p ON p.id = l.person_id WHERE l.slot = 1');
export const setProfile = async (q: PgQueryable, personId: string) =>
  void (await q.rows('INSERT INTO local_profile (slot, person_id) VALUES (1, $1) ON CONFLICT (slot) DO UPDATE SET person_id = excluded.person_id', [personId]));

// Reviewers of a spec.
export const reviewers = (q: PgQueryable, specId: number) =>
  q.rows<ReviewerRow>('SELECT * FROM spec_reviewers WHERE spec_id = $1 ORDER BY added_at COLLATE "C", person_id COLLATE "C"', [specId]);
/** True when the person was not yet a reviewer of the spec. */
export const addReviewer = async (q: PgQueryable, row: ReviewerRow) =>
  (await q.rows('INSERT INTO spec_reviewers (spec_id, person_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING spec_id', [row.spec_id, row.person_id, row.added_by, row.added_at])).length > 0;

// Threads.
export const threadById = (q: PgQueryable, id: string, forUpdate = false) =>
  q.one<ThreadRow>(`SELECT * FROM review_threads WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
export const threadsOf = (q: PgQueryable, specId: number) =>
  q.rows<ThreadRow>('SELECT * FROM review_threads WHERE spec_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"', [specId]);
export const insertThread = (q: PgQueryable, row: ThreadRow) => insertNew(q, 'review_threads', THREAD_COLUMNS, row);
/**
 * Stores where a thread now lies in the head version (only the anchor columns), unless another
 * request re-anchored it since it was read (`readHash`): a listing against an older head must not
 * move a thread back.
 */
export const updateThreadAnchor = async (q: PgQueryable, row: ThreadRow, readHash: string) =>
  void (await q.rows(
    `UPDATE review_threads SET anchor_hash = $2, anchor_status = $3, anchor_method = $4, anchor_requirement_id = $5, anchor_exact = $6,
       anchor_prefix = $7, anchor_suffix = $8, anchor_start = $9, anchor_end = $10 WHERE id = $1 AND anchor_hash = $11`,
    [row.id, row.anchor_hash, row.anchor_status, row.anchor_method, row.anchor_requirement_id, row.anchor_exact, row.anchor_prefix, row.anchor_suffix, row.anchor_start, row.anchor_end, readHash],
  ));
/** Status (open/resolved, who, when) and the suggestion's state. */
export const updateThreadStatus = async (q: PgQueryable, row: Pick<ThreadRow, 'id' | 'status' | 'status_by' | 'status_at' | 'suggestion_state'>) =>
  void (await q.rows('UPDATE review_threads SET status = $2, status_by = $3, status_at = $4, suggestion_state = $5 WHERE id = $1', [row.id, row.status, row.status_by, row.status_at, row.suggestion_state]));
/** The spec (not trashed) holding a version with this content hash, lowest id first: where an imported package belongs. */
export const specWithHash = async (q: PgQueryable, hash: string) =>
  (
    await q.one<{ spec_id: number }>(
      `SELECT v.spec_id FROM versions v JOIN contents c ON c.id = v.content_id JOIN specs s ON s.id = v.spec_id
       WHERE c.hash = $1 AND s.state <> 'trashed' ORDER BY v.spec_id LIMIT 1`,
      [hash],
    )
  )?.spec_id ?? null;

// Comments.
export const commentById = (q: PgQueryable, id: string, forUpdate = false) =>
  q.one<CommentRow>(`SELECT * FROM review_comments WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
export const commentsOfSpec = (q: PgQueryable, specId: number) =>
  q.rows<CommentRow>(
    'SELECT c.* FROM review_comments c JOIN review_threads t ON t.id = c.thread_id WHERE t.spec_id = $1 ORDER BY c.created_at COLLATE "C", c.id COLLATE "C"',
    [specId],
  );
export const commentsOfThread = (q: PgQueryable, threadId: string) =>
  q.rows<CommentRow>('SELECT * FROM review_comments WHERE thread_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"', [threadId]);
export const insertComment = (q: PgQueryable, row: CommentRow) => insertNew(q, 'review_comments', COMMENT_COLUMNS, row);
/** The mutable columns of a comment: body and its history, the edit time, the tombstone. */
export const updateComment = async (q: PgQueryable, row: CommentRow) =>
  void (await q.rows(
    'UPDATE review_comments SET body = $2, body_history = $3, edited_at = $4, deleted_at = $5, deleted_by = $6, deletion_changed_at = $7 WHERE id = $1',
    [row.id, row.body, row.body_history, row.edited_at, row.deleted_at, row.deleted_by, row.deletion_changed_at],
  ));

// Reviews.
export const reviewById = (q: PgQueryable, id: string) => q.one<ReviewRow>('SELECT * FROM reviews WHERE id = $1', [id]);
export const reviewsOf = (q: PgQueryable, specId: number) =>
  q.rows<ReviewRow>('SELECT * FROM reviews WHERE spec_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"', [specId]);
export const pendingOf = (q: PgQueryable, specId: number, reviewerId: string) =>
  q.one<ReviewRow>("SELECT * FROM reviews WHERE spec_id = $1 AND reviewer_id = $2 AND state = 'pending'", [specId, reviewerId]);
/** Inserts a review unless its id exists, or (pending) the reviewer already has a pending review of the spec. */
export const insertReview = (q: PgQueryable, row: ReviewRow) => insertNew(q, 'reviews', REVIEW_COLUMNS, row);
export const submitReview = async (q: PgQueryable, row: { id: string; verdict: string; body: string; version_hash: string; version_number: number | null; submitted_at: string }) =>
  void (await q.rows(
    "UPDATE reviews SET state = 'submitted', verdict = $2, body = $3, version_hash = $4, version_number = $5, submitted_at = $6 WHERE id = $1",
    [row.id, row.verdict, row.body, row.version_hash, row.version_number, row.submitted_at],
  ));
export const threadCountOfReview = async (q: PgQueryable, reviewId: string) =>
  (await q.one<{ n: number }>('SELECT count(*)::int AS n FROM review_threads WHERE review_id = $1', [reviewId]))?.n ?? 0;

// Rounds.
export const roundsOf = (q: PgQueryable, specId: number) =>
  q.rows<RoundRow>('SELECT * FROM review_rounds WHERE spec_id = $1 ORDER BY requested_at COLLATE "C", id COLLATE "C"', [specId]);
export const roundById = (q: PgQueryable, id: string) => q.one<RoundRow>('SELECT * FROM review_rounds WHERE id = $1', [id]);
export const insertRound = (q: PgQueryable, row: RoundRow) => insertNew(q, 'review_rounds', ROUND_COLUMNS, row);
export const roundReviewers = async (q: PgQueryable, roundId: string) =>
  (await q.rows<{ person_id: string }>('SELECT person_id FROM review_round_reviewers WHERE round_id = $1 ORDER BY person_id COLLATE "C"', [roundId])).map((r) => r.person_id);
/** Every round's reviewers of a spec at once, for a package. */
export const roundReviewersOfSpec = async (q: PgQueryable, specId: number) => {
  const rows = await q.rows<{ round_id: string; person_id: string }>(
    'SELECT x.round_id, x.person_id FROM review_round_reviewers x JOIN review_rounds r ON r.id = x.round_id WHERE r.spec_id = $1 ORDER BY x.person_id COLLATE "C"',
    [specId],
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.round_id, [...(map.get(r.round_id) ?? []), r.person_id]);
  return map;
};
export const addRoundReviewer = async (q: PgQueryable, roundId: string, personId: string) =>
  void (await q.rows('INSERT INTO review_round_reviewers (round_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [roundId, personId]));

// The audit trail.
export const insertEvent = async (q: PgQueryable, row: EventRow) => void (await q.rows(insertSql('review_events', EVENT_COLUMNS), valuesOf(row, EVENT_COLUMNS)));
export const eventsOf = (q: PgQueryable, specId: number) =>
  q.rows<EventRow>('SELECT * FROM review_events WHERE spec_id = $1 ORDER BY at COLLATE "C", id COLLATE "C"', [specId]);
