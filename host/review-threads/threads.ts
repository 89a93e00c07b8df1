import type { Person, ReviewThread, Severity, ThreadComment } from '../../core/contract/ops/review-threads.js';
import type { CommentRow, ThreadRow } from '../db/queries/review-threads.js';
import { personOrUnknown, recordEvent, requireProfile, toPerson, type ReviewDb } from './context.js';
import { placeThread, prepareText, type PlacedText } from './placement.js';
import {
  acceptedEdit,
  assertEditable,
  assertOpenSuggestion,
  assertOwnComment,
  commentNotFound,
  deletionChanged,
  editedComment,
  newCommentRow,
  newPendingReview,
  newThreadRow,
  selectionSelector,
  threadNotFound,
  threadViewOf,
  toComment as commentView,
  visibility,
} from './views.js';

export function toComment(r: ReviewDb, row: CommentRow): ThreadComment {
  return commentView(row, (id) => personOrUnknown(r, id));
}

/** The head version of a spec, as the text threads are stored against. */
export function headOf(r: ReviewDb, specId: number) {
  return r.store.getSpec(specId).head;
}

/** Local version number of a content hash in this spec, or null. */
export function versionNumberOf(r: ReviewDb, specId: number, hash: string): number | null {
  return r.store.listVersions(specId).find((v) => v.contentHash === hash)?.number ?? null;
}

function reviewerPeople(r: ReviewDb, specId: number): Person[] {
  return r.q.reviewers(specId).flatMap((x) => {
    const person = r.q.personById(x.person_id);
    return person ? [toPerson(person)] : [];
  });
}

/** Whether the thread is visible to `viewer`: a pending review's threads only to their author. */
function visible(r: ReviewDb, row: ThreadRow, viewer: Person | null): { visible: boolean; pending: boolean } {
  return visibility(row, row.review_id ? r.q.reviewById(row.review_id) : null, viewer);
}

export function threadView(r: ReviewDb, row: ThreadRow, placed: PlacedText, pending: boolean, comments = r.q.commentsOfThread(row.id)): ReviewThread {
  return threadViewOf(row, placed, pending, comments, (id) => personOrUnknown(r, id), reviewerPeople(r, row.spec_id));
}


/**
 * Every visible thread of a spec placed in `markdown` (default: the head). Placements against
 * the head version are stored, so the next version is matched from where each thread last lay.
 */
export function listThreads(r: ReviewDb, specId: number, options: { markdown?: string; includeResolved?: boolean } = {}): ReviewThread[] {
  const head = headOf(r, specId);
  const placed = prepareText(options.markdown ?? head.markdown);
  const isHead = placed.hash === head.contentHash;
  const viewerRow = r.q.profile();
  const viewer = viewerRow ? toPerson(viewerRow) : null;
  const commentsByThread = new Map<string, CommentRow[]>();
  for (const c of r.q.commentsOfSpec(specId)) {
    const list = commentsByThread.get(c.thread_id) ?? [];
    list.push(c);
    commentsByThread.set(c.thread_id, list);
  }
  const threads: ReviewThread[] = [];
  const updates: ThreadRow[] = [];
  for (const row of r.q.threadsOf(specId)) {
    const seen = visible(r, row, viewer);
    if (!seen.visible) continue;
    if (!options.includeResolved && row.status === 'resolved') continue;
    const { updated } = placeThread(row, placed);
    if (isHead && updated) updates.push(updated);
    threads.push(threadView(r, updated ?? row, placed, seen.pending, commentsByThread.get(row.id) ?? []));
  }
  if (updates.length) r.db.transaction(() => updates.forEach((u) => r.q.updateThread(u))).immediate();
  return threads;
}

export interface AddThreadInput {
  specId: number;
  start: number;
  end: number;
  markdown?: string;
  body: string;
  severity: Severity;
  suggestion?: string;
  pending: boolean;
  findingId?: string;
}

export function addThread(r: ReviewDb, input: AddThreadInput): ReviewThread {
  const me = requireProfile(r);
  const head = headOf(r, input.specId);
  const placed = prepareText(input.markdown ?? head.markdown);
  const selector = selectionSelector(placed.index, placed.text, input.start, input.end);
  const at = r.now();
  const id = r.newId();
  return r.db.transaction(() => {
    let reviewId: string | null = null;
    if (input.pending) {
      const pending = r.q.pendingOf(input.specId, me.id);
      reviewId = pending?.id ?? r.newId();
      if (!pending) r.q.insertReview(newPendingReview(reviewId, input.specId, latestRoundId(r, input.specId), me.id, at));
    }
    const row = newThreadRow({ id, specId: input.specId, head, placedHash: placed.hash, selector, severity: input.severity, suggestion: input.suggestion, findingId: input.findingId, reviewId, by: me.id, at });
    r.q.insertThread(row);
    r.q.insertComment(newComment(r, id, me.id, input.body, at));
    recordEvent(r, input.specId, id, me.id, input.suggestion === undefined ? 'thread.add' : 'suggestion.add', { severity: input.severity, pending: input.pending });
    return threadView(r, row, placed, input.pending);
  }).immediate();
}

function latestRoundId(r: ReviewDb, specId: number): string | null {
  const rounds = r.q.roundsOf(specId);
  return rounds[rounds.length - 1]?.id ?? null;
}

function newComment(r: ReviewDb, threadId: string, authorId: string, body: string, at: string): CommentRow {
  return newCommentRow(r.newId(), threadId, authorId, body, at);
}

function threadRow(r: ReviewDb, threadId: string): ThreadRow {
  const row = r.q.threadById(threadId);
  if (!row) throw threadNotFound(threadId);
  return row;
}

function commentRow(r: ReviewDb, commentId: string): CommentRow {
  const row = r.q.commentById(commentId);
  if (!row) throw commentNotFound(commentId);
  return row;
}

/** The thread as seen in its spec's head version, after a change. */
export function threadNow(r: ReviewDb, threadId: string): ReviewThread {
  const row = threadRow(r, threadId);
  const viewer = r.q.profile();
  const seen = visible(r, row, viewer ? toPerson(viewer) : null);
  return threadView(r, row, prepareText(headOf(r, row.spec_id).markdown), seen.pending);
}

export function reply(r: ReviewDb, threadId: string, body: string): ReviewThread {
  const me = requireProfile(r);
  const thread = threadRow(r, threadId);
  r.db.transaction(() => {
    r.q.insertComment(newComment(r, threadId, me.id, body, r.now()));
    recordEvent(r, thread.spec_id, threadId, me.id, 'comment.reply');
  }).immediate();
  return threadNow(r, threadId);
}

function ownComment(r: ReviewDb, commentId: string, me: Person, verb: string): CommentRow {
  const row = commentRow(r, commentId);
  if (row.author_id !== me.id) assertOwnComment(row, me, verb, personOrUnknown(r, row.author_id).name);
  return row;
}

export function editComment(r: ReviewDb, commentId: string, body: string): ReviewThread {
  const me = requireProfile(r);
  const row = ownComment(r, commentId, me, 'edit');
  assertEditable(row);
  const edited = row.body === body ? null : editedComment(row, body, r.now());
  if (edited) {
    r.db.transaction(() => {
      r.q.updateComment(edited);
      recordEvent(r, threadRow(r, row.thread_id).spec_id, row.thread_id, me.id, 'comment.edit', { commentId });
    }).immediate();
  }
  return threadNow(r, row.thread_id);
}

/** Delete leaves a tombstone (body kept); undo clears it. Both are actions with actor and time. */
export function setDeleted(r: ReviewDb, commentId: string, deleted: boolean): ReviewThread {
  const me = requireProfile(r);
  const row = ownComment(r, commentId, me, deleted ? 'delete' : 'restore');
  const changed = Boolean(row.deleted_at) === deleted ? null : deletionChanged(row, deleted, me.id, r.now());
  if (changed) {
    r.db.transaction(() => {
      r.q.updateComment(changed);
      recordEvent(r, threadRow(r, row.thread_id).spec_id, row.thread_id, me.id, deleted ? 'comment.delete' : 'comment.undoDelete', { commentId });
    }).immediate();
  }
  return threadNow(r, row.thread_id);
}

export function setStatus(r: ReviewDb, threadId: string, status: 'open' | 'resolved', extra: Partial<ThreadRow> = {}, action?: string): ReviewThread {
  const me = requireProfile(r);
  const row = threadRow(r, threadId);
  r.db.transaction(() => {
    r.q.updateThread({ ...row, ...extra, status, status_by: me.id, status_at: r.now() });
    recordEvent(r, row.spec_id, threadId, me.id, action ?? (status === 'resolved' ? 'thread.resolve' : 'thread.reopen'));
  }).immediate();
  return threadNow(r, threadId);
}

/** Accepting: the one edit replacing exactly the quote, refused when that text changed since; resolves the thread. */
export function acceptSuggestion(r: ReviewDb, threadId: string, markdown: string) {
  requireProfile(r);
  const row = threadRow(r, threadId);
  const accepted = acceptedEdit(row, prepareText(markdown));
  const thread = setStatus(r, threadId, 'resolved', { suggestion_state: 'accepted' }, 'suggestion.accept');
  return { thread, ...accepted };
}

export function rejectSuggestion(r: ReviewDb, threadId: string): ReviewThread {
  const row = threadRow(r, threadId);
  assertOpenSuggestion(row);
  return setStatus(r, threadId, row.status, { suggestion_state: 'rejected' }, 'suggestion.reject');
}
