import { createSelector, suggestionEdit, verdictStaleness, type AnchorIndex } from '../../core/comments/index.js';
import type { Person, Review, ReviewRound, ReviewThread, RoundStatus, Severity, ThreadComment } from '../../core/contract/ops/review-threads.js';
import { HostError } from '../common/host-error.js';
import type { CommentRow, PersonRow, ReviewRow, RoundRow, ThreadRow } from '../db/queries/review-threads.js';
import { bodyHash } from './hash.js';
import { describePlacement, originalSelector, placeThread, type PlacedText } from './placement.js';

// The dialect-free half of the review service: rows built from inputs and contract views built
// from rows, with every lookup passed in. The SQLite service (synchronous, better-sqlite3) and the
// PostgreSQL repository (asynchronous, host/store/pg/review-repository.ts) both call these, so the
// rules (visibility, ownership, suggestion checks, staleness, merge decisions) exist once.

/** Who a person id names; an id this library does not know reads as "unknown person". */
export type PersonOf = (id: string) => Person;

export function toPerson(row: PersonRow): Person {
  return { id: row.id, name: row.name, email: row.email };
}

export function unknownPerson(id: string): Person {
  return { id, name: 'unknown person', email: '' };
}

export const PROFILE_REQUIRED_MESSAGE =
  'set your name and email first (Settings → Profile, or profile.set): every review action records who did it';

export function toComment(row: CommentRow, personOf: PersonOf): ThreadComment {
  return {
    id: row.id,
    threadId: row.thread_id,
    author: personOf(row.author_id),
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    conflictOf: row.conflict_of,
  };
}

/** Ids of `reviewers` @mentioned (by email or name) in the live comments. */
export function mentionsOf(reviewers: Person[], comments: CommentRow[]): string[] {
  const live = comments.filter((c) => !c.deleted_at).map((c) => c.body.toLowerCase());
  const ids: string[] = [];
  for (const person of reviewers) {
    const handles = [`@${person.email.toLowerCase()}`, `@${person.name.toLowerCase()}`];
    if (live.some((body) => handles.some((h) => body.includes(h)))) ids.push(person.id);
  }
  return ids;
}

/** Whether the thread is visible to `viewer`: a pending review's threads only to their author. */
export function visibility(row: ThreadRow, review: ReviewRow | undefined | null, viewer: Person | null): { visible: boolean; pending: boolean } {
  if (!row.review_id) return { visible: true, pending: false };
  if (!review || review.state === 'submitted') return { visible: true, pending: false };
  return { visible: viewer?.id === review.reviewer_id, pending: true };
}

/** The contract's thread: `row` placed in `placed`, with its comments and the reviewers it mentions. */
export function threadViewOf(row: ThreadRow, placed: PlacedText, pending: boolean, comments: CommentRow[], personOf: PersonOf, reviewers: Person[]): ReviewThread {
  const { placement } = placeThread(row, placed);
  let suggestion: ReviewThread['suggestion'] = null;
  if (row.kind === 'suggestion') {
    const edit = suggestionEdit(placed.text, originalSelector(row), placement, row.suggestion_text ?? '');
    const open = row.suggestion_state === 'open';
    suggestion = {
      text: row.suggestion_text ?? '',
      state: row.suggestion_state ?? 'open',
      canAccept: open && edit.ok,
      reason: !open ? `suggestion already ${row.suggestion_state}` : edit.ok ? null : edit.message,
    };
  }
  return {
    id: row.id,
    specId: row.spec_id,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    statusBy: row.status_by,
    statusAt: row.status_at,
    createdBy: personOf(row.created_by),
    createdAt: row.created_at,
    selector: { ...originalSelector(row), versionHash: row.version_hash, versionNumber: row.version_number },
    placement: describePlacement(placement, placed),
    suggestion,
    pending,
    findingId: row.finding_id,
    mentions: mentionsOf(reviewers, comments),
    comments: comments.map((c) => toComment(c, personOf)),
  };
}

/** The selection's checks and selector, before anything is written. */
export function selectionSelector(index: AnchorIndex, text: string, start: number, end: number) {
  if (end > text.length) throw new HostError('INVALID_ARGUMENTS', `the selection ${start}–${end} is outside the text (length ${text.length})`);
  if (text.slice(start, end).trim() === '') throw new HostError('INVALID_ARGUMENTS', 'select some text to comment on (the selection is blank)');
  return createSelector(index, start, end);
}

export interface NewThread {
  id: string;
  specId: number;
  head: { contentHash: string; number: number };
  placedHash: string;
  selector: ReturnType<typeof createSelector>;
  severity: Severity;
  suggestion?: string;
  findingId?: string;
  reviewId: string | null;
  by: string;
  at: string;
}

export function newThreadRow(n: NewThread): ThreadRow {
  const s = n.selector;
  return {
    id: n.id,
    spec_id: n.specId,
    kind: n.suggestion === undefined ? 'comment' : 'suggestion',
    severity: n.severity,
    version_hash: n.head.contentHash,
    version_number: n.head.number,
    requirement_id: s.requirementId,
    quote_exact: s.exact,
    quote_prefix: s.prefix,
    quote_suffix: s.suffix,
    position_start: s.start,
    position_end: s.end,
    whole_requirement: s.wholeRequirement ? 1 : 0,
    anchor_hash: n.placedHash,
    anchor_status: 'attached',
    anchor_method: 'id',
    anchor_requirement_id: s.requirementId,
    anchor_exact: s.exact,
    anchor_prefix: s.prefix,
    anchor_suffix: s.suffix,
    anchor_start: s.start,
    anchor_end: s.end,
    suggestion_text: n.suggestion ?? null,
    suggestion_state: n.suggestion === undefined ? null : 'open',
    status: 'open',
    status_by: n.by,
    status_at: n.at,
    review_id: n.reviewId,
    finding_id: n.findingId ?? null,
    created_by: n.by,
    created_at: n.at,
  };
}

export function newCommentRow(id: string, threadId: string, authorId: string, body: string, at: string): CommentRow {
  return { id, thread_id: threadId, author_id: authorId, body, body_history: JSON.stringify([bodyHash(body)]), created_at: at, edited_at: null, deleted_at: null, deleted_by: null, deletion_changed_at: null, conflict_of: null };
}

export function newPendingReview(id: string, specId: number, roundId: string | null, reviewerId: string, at: string): ReviewRow {
  return { id, spec_id: specId, round_id: roundId, reviewer_id: reviewerId, state: 'pending', verdict: null, body: '', version_hash: null, version_number: null, created_at: at, submitted_at: null };
}

export function threadNotFound(threadId: string): HostError {
  return new HostError('NOT_FOUND', `thread ${threadId} does not exist`);
}

export function commentNotFound(commentId: string): HostError {
  return new HostError('NOT_FOUND', `comment ${commentId} does not exist`);
}

/** Only a comment's author edits, deletes or restores it. */
export function assertOwnComment(row: CommentRow, me: Person, verb: string, authorName: string): void {
  if (row.author_id !== me.id) throw new HostError('NOT_YOUR_COMMENT', `only the author of a comment can ${verb} it; this one is by ${authorName}`);
}

export function assertEditable(row: CommentRow): void {
  if (row.deleted_at) throw new HostError('COMMENT_DELETED', 'this comment is deleted; undo the deletion before editing it');
}

/** The edited row (body history grows), or null when the body is unchanged. */
export function editedComment(row: CommentRow, body: string, at: string): CommentRow | null {
  if (row.body === body) return null;
  const history = JSON.parse(row.body_history) as string[];
  return { ...row, body, body_history: JSON.stringify([...history, bodyHash(body)]), edited_at: at };
}

/** The row with its tombstone set or cleared, or null when it already is so. */
export function deletionChanged(row: CommentRow, deleted: boolean, by: string, at: string): CommentRow | null {
  if (Boolean(row.deleted_at) === deleted) return null;
  return { ...row, deleted_at: deleted ? at : null, deleted_by: deleted ? by : null, deletion_changed_at: at };
}

export function assertOpenSuggestion(row: ThreadRow): void {
  if (row.kind !== 'suggestion') throw new HostError('NOT_A_SUGGESTION', 'this thread is a comment, not a suggestion');
  if (row.suggestion_state !== 'open') throw new HostError('SUGGESTION_CLOSED', `this suggestion was already ${row.suggestion_state}`);
}

/** The one edit replacing exactly the suggestion's quote in `placed`, refused when that text changed since. */
export function acceptedEdit(row: ThreadRow, placed: PlacedText) {
  assertOpenSuggestion(row);
  const { placement } = placeThread(row, placed);
  const edit = suggestionEdit(placed.text, originalSelector(row), placement, row.suggestion_text ?? '');
  if (!edit.ok) throw new HostError(edit.reason === 'outdated' ? 'SUGGESTION_OUTDATED' : 'TEXT_CHANGED', edit.message);
  return { edit: { start: edit.start, end: edit.end, replacement: edit.replacement }, markdown: edit.text };
}

export function toRound(row: RoundRow, reviewerIds: string[]): ReviewRound {
  return {
    id: row.id,
    specId: row.spec_id,
    versionHash: row.version_hash,
    versionNumber: row.version_number,
    meetingAt: row.meeting_at,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    reviewerIds,
  };
}

export function toReview(row: ReviewRow, reviewer: Person, threadCount: number): Review {
  return {
    id: row.id,
    specId: row.spec_id,
    reviewer,
    state: row.state,
    verdict: row.verdict,
    body: row.body,
    versionHash: row.version_hash,
    versionNumber: row.version_number,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    threadCount,
  };
}

export function unknownReviewers(reviewerIds: string[], known: string[]): void {
  const set = new Set(known);
  const unknown = reviewerIds.filter((id) => !set.has(id));
  if (unknown.length) throw new HostError('NOT_A_REVIEWER', `not reviewers of this spec: ${unknown.join(', ')}; add them with reviewers.add first`);
}

export function assertReviewer(me: Person, reviewerIds: string[]): void {
  if (!reviewerIds.includes(me.id)) {
    throw new HostError('NOT_A_REVIEWER', `${me.name} <${me.email}> is not in this spec's reviewer list, so the review was not submitted; ask the author to add you as a reviewer`);
  }
}

/** Each reviewer's latest submitted review. */
export function latestSubmitted(reviews: ReviewRow[]): Map<string, ReviewRow> {
  const latest = new Map<string, ReviewRow>();
  for (const review of reviews) {
    if (review.state !== 'submitted') continue;
    const prev = latest.get(review.reviewer_id);
    if (!prev || (prev.submitted_at ?? '') < (review.submitted_at ?? '')) latest.set(review.reviewer_id, review);
  }
  return latest;
}

/** Version hashes whose text `reviewerStatuses` needs: the reviewed versions that are not the head. */
export function reviewedHashes(latest: Map<string, ReviewRow>, headHash: string): string[] {
  return [...new Set([...latest.values()].map((r) => r.version_hash).filter((h): h is string => Boolean(h) && h !== headHash))];
}

/** The reviewer lines of a round status: verdicts, staleness by semantic diff, re-requests. */
export function reviewerStatuses(input: {
  head: { contentHash: string; markdown: string };
  versions: Array<{ contentHash: string; number: number }>;
  /** Markdown of a version hash, or null when this library does not hold it. */
  textOf: (hash: string) => string | null;
  roundRow: RoundRow | null;
  requested: Set<string>;
  reviewerIds: string[];
  latest: Map<string, ReviewRow>;
  personOf: PersonOf;
}): RoundStatus['reviewers'] {
  const { head, versions, textOf, roundRow, requested, latest, personOf } = input;
  const ids = [...new Set([...input.reviewerIds, ...requested])];
  return ids.map((id) => {
    const review = latest.get(id);
    let stale = false;
    let changed: string[] = [];
    if (review?.version_hash && review.version_hash !== head.contentHash) {
      const reviewed = textOf(review.version_hash);
      if (reviewed === null) {
        stale = true;
        changed = ['(the reviewed version is not in this library)'];
      } else {
        ({ stale, changed } = verdictStaleness(reviewed, head.markdown));
      }
    }
    const answered = review && roundRow ? (review.submitted_at ?? '') >= roundRow.requested_at : Boolean(review);
    return {
      person: personOf(id),
      requested: requested.has(id),
      verdict: review?.verdict ?? null,
      versionNumber: review ? (versions.find((v) => v.contentHash === review.version_hash)?.number ?? null) : null,
      submittedAt: review?.submitted_at ?? null,
      stale,
      changed,
      reRequested: stale || (requested.has(id) && !answered),
    };
  });
}

/** Thread counts of a round status, from the open threads as listed (pending ones are not counted). */
export function threadCounts(threads: ReviewThread[]): Pick<RoundStatus, 'openThreads' | 'openBlocking' | 'outdated'> {
  const published = threads.filter((t) => !t.pending);
  return {
    openThreads: published.length,
    openBlocking: published.filter((t) => t.severity === 'blocking').length,
    outdated: published.filter((t) => t.placement.status === 'outdated').length,
  };
}

/** Reviewers need this long before the decision meeting (the 48-hour review window of the workflow). */
export const REVIEW_WINDOW_HOURS = 48;

export function meetingWarning(meetingAt: string | null, now: Date): { hours: number | null; warning: string | null } {
  if (!meetingAt) return { hours: null, warning: null };
  const hours = (Date.parse(meetingAt) - now.getTime()) / 3_600_000;
  if (hours < 0) return { hours, warning: 'the meeting time has passed' };
  if (hours < REVIEW_WINDOW_HOURS) {
    return { hours, warning: `the meeting is in ${Math.floor(hours)} hours: reviewers get less than the ${REVIEW_WINDOW_HOURS} hours a review needs` };
  }
  return { hours, warning: null };
}
