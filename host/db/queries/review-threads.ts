import type { Database } from 'better-sqlite3';
import { lazyStatement } from './lazy-statement.js';

// Statements over the review tables of migration 005. Rows are returned as stored (snake_case);
// host/review-threads/ maps them to contract types. Every write is an upsert by stable id so an
// import and a local action go through the same statements.

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  created_at: string;
  updated_at: string;
}

export interface ReviewerRow {
  spec_id: number;
  person_id: string;
  added_by: string;
  added_at: string;
}

export interface ThreadRow {
  id: string;
  spec_id: number;
  kind: 'comment' | 'suggestion';
  severity: 'blocking' | 'non-blocking' | 'question';
  version_hash: string;
  version_number: number | null;
  requirement_id: string | null;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  whole_requirement: number;
  anchor_hash: string;
  anchor_status: 'attached' | 'outdated';
  anchor_method: string | null;
  anchor_requirement_id: string | null;
  anchor_exact: string;
  anchor_prefix: string;
  anchor_suffix: string;
  anchor_start: number;
  anchor_end: number;
  suggestion_text: string | null;
  suggestion_state: 'open' | 'accepted' | 'rejected' | null;
  status: 'open' | 'resolved';
  status_by: string;
  status_at: string;
  review_id: string | null;
  finding_id: string | null;
  created_by: string;
  created_at: string;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  body_history: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  deletion_changed_at: string | null;
  conflict_of: string | null;
}

export interface ReviewRow {
  id: string;
  spec_id: number;
  round_id: string | null;
  reviewer_id: string;
  state: 'pending' | 'submitted';
  verdict: 'approve' | 'request-changes' | 'comment' | null;
  body: string;
  version_hash: string | null;
  version_number: number | null;
  created_at: string;
  submitted_at: string | null;
}

export interface RoundRow {
  id: string;
  spec_id: number;
  version_hash: string;
  version_number: number | null;
  meeting_at: string | null;
  requested_by: string;
  requested_at: string;
}

export interface EventRow {
  id: string;
  spec_id: number;
  thread_id: string | null;
  actor_id: string;
  action: string;
  detail: string;
  at: string;
}

const THREAD_COLUMNS = [
  'id', 'spec_id', 'kind', 'severity', 'version_hash', 'version_number', 'requirement_id', 'quote_exact', 'quote_prefix', 'quote_suffix',
  'position_start', 'position_end', 'whole_requirement', 'anchor_hash', 'anchor_status', 'anchor_method', 'anchor_requirement_id',
  'anchor_exact', 'anchor_prefix', 'anchor_suffix', 'anchor_start', 'anchor_end', 'suggestion_text', 'suggestion_state', 'status',
  'status_by', 'status_at', 'review_id', 'finding_id', 'created_by', 'created_at',
] as const;
const COMMENT_COLUMNS = ['id', 'thread_id', 'author_id', 'body', 'body_history', 'created_at', 'edited_at', 'deleted_at', 'deleted_by', 'deletion_changed_at', 'conflict_of'] as const;

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
const updateSql = (table: string, columns: readonly string[]) =>
  `UPDATE ${table} SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

export function createReviewThreadQueries(db: Database) {
  const personById = lazyStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE id = ?');
  const personByEmail = lazyStatement<[string], PersonRow>(db, 'SELECT * FROM people WHERE lower(email) = lower(?)');
  const insertPerson = lazyStatement<PersonRow>(db, insertSql('people', ['id', 'name', 'email', 'created_at', 'updated_at']));
  const updatePerson = lazyStatement<[string, string, string, string]>(db, 'UPDATE people SET name = ?, email = ?, updated_at = ? WHERE id = ?');
  const profile = lazyStatement<[], PersonRow>(db, 'SELECT p.* FROM local_profile l JOIN people p ON p.id = l.person_id WHERE l.slot = 1');
  const setProfile = lazyStatement<[string]>(db, 'INSERT INTO local_profile (slot, person_id) VALUES (1, ?) ON CONFLICT (slot) DO UPDATE SET person_id = excluded.person_id');

  const reviewers = lazyStatement<[number], ReviewerRow>(db, 'SELECT * FROM spec_reviewers WHERE spec_id = ? ORDER BY added_at, person_id');
  const addReviewer = lazyStatement<ReviewerRow>(
    db,
    'INSERT INTO spec_reviewers (spec_id, person_id, added_by, added_at) VALUES (@spec_id, @person_id, @added_by, @added_at) ON CONFLICT DO NOTHING',
  );

  const threadById = lazyStatement<[string], ThreadRow>(db, 'SELECT * FROM review_threads WHERE id = ?');
  const threadsOf = lazyStatement<[number], ThreadRow>(db, 'SELECT * FROM review_threads WHERE spec_id = ? ORDER BY created_at, id');
  const insertThread = lazyStatement<ThreadRow>(db, insertSql('review_threads', THREAD_COLUMNS));
  const updateThread = lazyStatement<ThreadRow>(db, updateSql('review_threads', THREAD_COLUMNS));

  const commentById = lazyStatement<[string], CommentRow>(db, 'SELECT * FROM review_comments WHERE id = ?');
  const commentsOfSpec = lazyStatement<[number], CommentRow>(
    db,
    'SELECT c.* FROM review_comments c JOIN review_threads t ON t.id = c.thread_id WHERE t.spec_id = ? ORDER BY c.created_at, c.id',
  );
  const commentsOfThread = lazyStatement<[string], CommentRow>(db, 'SELECT * FROM review_comments WHERE thread_id = ? ORDER BY created_at, id');
  const insertComment = lazyStatement<CommentRow>(db, insertSql('review_comments', COMMENT_COLUMNS));
  const updateComment = lazyStatement<CommentRow>(db, updateSql('review_comments', COMMENT_COLUMNS));

  const reviewById = lazyStatement<[string], ReviewRow>(db, 'SELECT * FROM reviews WHERE id = ?');
  const reviewsOf = lazyStatement<[number], ReviewRow>(db, 'SELECT * FROM reviews WHERE spec_id = ? ORDER BY created_at, id');
  const pendingOf = lazyStatement<[number, string], ReviewRow>(db, "SELECT * FROM reviews WHERE spec_id = ? AND reviewer_id = ? AND state = 'pending'");
  const insertReview = lazyStatement<ReviewRow>(
    db,
    insertSql('reviews', ['id', 'spec_id', 'round_id', 'reviewer_id', 'state', 'verdict', 'body', 'version_hash', 'version_number', 'created_at', 'submitted_at']),
  );
  const submitReview = lazyStatement<{ id: string; verdict: string; body: string; version_hash: string; version_number: number | null; submitted_at: string }>(
    db,
    "UPDATE reviews SET state = 'submitted', verdict = @verdict, body = @body, version_hash = @version_hash, version_number = @version_number, submitted_at = @submitted_at WHERE id = @id",
  );
  const threadCountOfReview = lazyStatement<[string], { n: number }>(db, 'SELECT count(*) AS n FROM review_threads WHERE review_id = ?');

  const roundsOf = lazyStatement<[number], RoundRow>(db, 'SELECT * FROM review_rounds WHERE spec_id = ? ORDER BY requested_at, id');
  const roundById = lazyStatement<[string], RoundRow>(db, 'SELECT * FROM review_rounds WHERE id = ?');
  const insertRound = lazyStatement<RoundRow>(
    db,
    insertSql('review_rounds', ['id', 'spec_id', 'version_hash', 'version_number', 'meeting_at', 'requested_by', 'requested_at']),
  );
  const roundReviewers = lazyStatement<[string], { person_id: string }>(db, 'SELECT person_id FROM review_round_reviewers WHERE round_id = ? ORDER BY person_id');
  const addRoundReviewer = lazyStatement<[string, string]>(db, 'INSERT INTO review_round_reviewers (round_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING');

  const insertEvent = lazyStatement<EventRow>(db, insertSql('review_events', ['id', 'spec_id', 'thread_id', 'actor_id', 'action', 'detail', 'at']));
  const eventsOf = lazyStatement<[number], EventRow>(db, 'SELECT * FROM review_events WHERE spec_id = ? ORDER BY at, id');

  return {
    personById: (id: string) => personById().get(id),
    personByEmail: (email: string) => personByEmail().get(email),
    insertPerson: (row: PersonRow) => void insertPerson().run(row),
    updatePerson: (id: string, name: string, email: string, at: string) => void updatePerson().run(name, email, at, id),
    profile: () => profile().get(),
    setProfile: (personId: string) => void setProfile().run(personId),
    reviewers: (specId: number) => reviewers().all(specId),
    addReviewer: (row: ReviewerRow): boolean => addReviewer().run(row).changes > 0,
    threadById: (id: string) => threadById().get(id),
    threadsOf: (specId: number) => threadsOf().all(specId),
    insertThread: (row: ThreadRow) => void insertThread().run({ ...row }),
    updateThread: (row: ThreadRow) => void updateThread().run({ ...row }),
    commentById: (id: string) => commentById().get(id),
    commentsOfSpec: (specId: number) => commentsOfSpec().all(specId),
    commentsOfThread: (threadId: string) => commentsOfThread().all(threadId),
    insertComment: (row: CommentRow) => void insertComment().run({ ...row }),
    updateComment: (row: CommentRow) => void updateComment().run({ ...row }),
    reviewById: (id: string) => reviewById().get(id),
    reviewsOf: (specId: number) => reviewsOf().all(specId),
    pendingOf: (specId: number, reviewerId: string) => pendingOf().get(specId, reviewerId),
    insertReview: (row: ReviewRow) => void insertReview().run(row),
    submitReview: (row: { id: string; verdict: string; body: string; version_hash: string; version_number: number | null; submitted_at: string }) =>
      void submitReview().run(row),
    threadCountOfReview: (reviewId: string) => threadCountOfReview().get(reviewId)?.n ?? 0,
    roundsOf: (specId: number) => roundsOf().all(specId),
    roundById: (id: string) => roundById().get(id),
    insertRound: (row: RoundRow) => void insertRound().run(row),
    roundReviewers: (roundId: string) => roundReviewers().all(roundId).map((r) => r.person_id),
    addRoundReviewer: (roundId: string, personId: string) => void addRoundReviewer().run(roundId, personId),
    insertEvent: (row: EventRow) => void insertEvent().run(row),
    eventsOf: (specId: number) => eventsOf().all(specId),
  };
}

export type ReviewThreadQueries = ReturnType<typeof createReviewThreadQueries>;

/** The spec (not trashed) holding a version with this content hash, lowest id first: where an imported package belongs. */
export function createPackageSpecQuery(db: Database) {
  const specWithHash = lazyStatement<[string], { spec_id: number }>(
    db,
    `SELECT v.spec_id FROM versions v JOIN contents c ON c.id = v.content_id JOIN specs s ON s.id = v.spec_id
     WHERE c.hash = ? AND s.state <> 'trashed' ORDER BY v.spec_id LIMIT 1`,
  );
  return (hash: string): number | null => specWithHash().get(hash)?.spec_id ?? null;
}
