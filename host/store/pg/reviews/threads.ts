import type { Person, ReviewThread } from '../../../../core/contract/ops/review-threads.js';
import type { PgQueryable } from '../../../db/pg/pg-database.js';
import * as q from '../../../db/pg/queries/review-threads.js';
import type { CommentRow, ThreadRow } from '../../../db/queries/review-threads.js';
import { placeThread, prepareText, type PlacedText } from '../../../review-threads/placement.js';
import type { AddThreadInput } from '../../../review-threads/threads.js';
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
  visibility,
} from '../../../review-threads/views.js';
import { acting, peopleLookup, recordEvent, requireActing, type PgReviewDb } from './context.js';

// The thread operations of ReviewThreadService (host/review-threads/threads.ts) over PostgreSQL:
// the same steps, the same shared rules (views.ts), reads batched per call instead of per row.

/** The head version of a spec, as the text threads are stored against (NOT_FOUND for an unknown spec). */
export async function headOf(r: PgReviewDb, specId: number) {
  return (await r.specs.getSpec(specId)).head;
}

/** Number of the version with this content hash in the spec, or null. */
export async function versionNumberOf(r: PgReviewDb, specId: number, hash: string): Promise<number | null> {
  return (await r.specs.listVersions(specId)).find((v) => v.contentHash === hash)?.number ?? null;
}

/** The threads of one spec turned into contract views, with every person and reviewer looked up once. */
async function viewsOf(r: PgReviewDb, t: PgQueryable, specId: number, items: Array<{ row: ThreadRow; pending: boolean; comments: CommentRow[] }>, placed: PlacedText): Promise<ReviewThread[]> {
  if (!items.length) return [];
  const reviewerRows = await q.reviewers(t, specId);
  const ids = [...reviewerRows.map((x) => x.person_id), ...items.flatMap(({ row, comments }) => [row.created_by, ...comments.map((c) => c.author_id)])];
  const personOf = await peopleLookup(t, ids);
  // Every reviewer row names a person (foreign key), so none is skipped as on SQLite's missing-row path.
  const reviewerPeople = reviewerRows.map((x) => personOf(x.person_id));
  return items.map(({ row, pending, comments }) => threadViewOf(row, placed, pending, comments, personOf, reviewerPeople));
}

async function visible(t: PgQueryable, row: ThreadRow, viewer: Person | null) {
  return visibility(row, row.review_id ? await q.reviewById(t, row.review_id) : null, viewer);
}

/**
 * Every visible thread of a spec placed in `markdown` (default: the head). Placements against the
 * head version are stored (anchor columns only), so the next version is matched from where each
 * thread last lay.
 */
export async function listThreads(r: PgReviewDb, specId: number, options: { markdown?: string; includeResolved?: boolean } = {}): Promise<ReviewThread[]> {
  const head = await headOf(r, specId);
  const placed = prepareText(options.markdown ?? head.markdown);
  const isHead = placed.hash === head.contentHash;
  const viewer = await acting(r);
  const [rows, comments, reviews] = await Promise.all([q.threadsOf(r.db, specId), q.commentsOfSpec(r.db, specId), q.reviewsOf(r.db, specId)]);
  const reviewById = new Map(reviews.map((x) => [x.id, x]));
  const commentsByThread = new Map<string, CommentRow[]>();
  for (const c of comments) commentsByThread.set(c.thread_id, [...(commentsByThread.get(c.thread_id) ?? []), c]);
  const items: Array<{ row: ThreadRow; pending: boolean; comments: CommentRow[] }> = [];
  const updates: Array<{ next: ThreadRow; readHash: string }> = [];
  for (const row of rows) {
    const seen = visibility(row, row.review_id ? reviewById.get(row.review_id) : null, viewer);
    if (!seen.visible) continue;
    if (!options.includeResolved && row.status === 'resolved') continue;
    const { updated } = placeThread(row, placed);
    if (isHead && updated) updates.push({ next: updated, readHash: row.anchor_hash });
    items.push({ row: updated ?? row, pending: seen.pending, comments: commentsByThread.get(row.id) ?? [] });
  }
  // One after another: a transaction is one connection, which runs one statement at a time anyway.
  if (updates.length)
    await r.db.tx(async (t) => {
      for (const u of updates) await q.updateThreadAnchor(t, u.next, u.readHash);
    });
  return viewsOf(r, r.db, specId, items, placed);
}

export async function addThread(r: PgReviewDb, input: AddThreadInput): Promise<ReviewThread> {
  const me = await requireActing(r);
  const head = await headOf(r, input.specId);
  const placed = prepareText(input.markdown ?? head.markdown);
  const selector = selectionSelector(placed.index, placed.text, input.start, input.end);
  const at = r.now();
  const id = r.newId();
  const row = await r.db.tx(async (t) => {
    let reviewId: string | null = null;
    if (input.pending) {
      // Insert-if-absent, then read: two comments added at once still share one pending review.
      if (!(await q.pendingOf(t, input.specId, me.id))) {
        const rounds = await q.roundsOf(t, input.specId);
        await q.insertReview(t, newPendingReview(r.newId(), input.specId, rounds.at(-1)?.id ?? null, me.id, at));
      }
      reviewId = (await q.pendingOf(t, input.specId, me.id))!.id;
    }
    const thread = newThreadRow({ id, specId: input.specId, head, placedHash: placed.hash, selector, severity: input.severity, suggestion: input.suggestion, findingId: input.findingId, reviewId, by: me.id, at });
    await q.insertThread(t, thread);
    await q.insertComment(t, newCommentRow(r.newId(), id, me.id, input.body, at));
    await recordEvent(r, t, input.specId, id, me.id, input.suggestion === undefined ? 'thread.add' : 'suggestion.add', { severity: input.severity, pending: input.pending });
    return thread;
  });
  return threadNow(r, row.id, placed, input.pending);
}

async function threadRow(t: PgQueryable, threadId: string, forUpdate = false): Promise<ThreadRow> {
  const row = await q.threadById(t, threadId, forUpdate);
  if (!row) throw threadNotFound(threadId);
  return row;
}

async function commentRow(t: PgQueryable, commentId: string, forUpdate = false): Promise<CommentRow> {
  const row = await q.commentById(t, commentId, forUpdate);
  if (!row) throw commentNotFound(commentId);
  return row;
}

/** The thread as seen in its spec's head version (or `placed`), after a change. */
export async function threadNow(r: PgReviewDb, threadId: string, placed?: PlacedText, pending?: boolean): Promise<ReviewThread> {
  const row = await threadRow(r.db, threadId);
  const seen = pending === undefined ? (await visible(r.db, row, await acting(r))).pending : pending;
  const text = placed ?? prepareText((await headOf(r, row.spec_id)).markdown);
  const [view] = await viewsOf(r, r.db, row.spec_id, [{ row, pending: seen, comments: await q.commentsOfThread(r.db, row.id) }], text);
  return view;
}

export async function reply(r: PgReviewDb, threadId: string, body: string): Promise<ReviewThread> {
  const me = await requireActing(r);
  const thread = await threadRow(r.db, threadId);
  await r.db.tx(async (t) => {
    await q.insertComment(t, newCommentRow(r.newId(), threadId, me.id, body, r.now()));
    await recordEvent(r, t, thread.spec_id, threadId, me.id, 'comment.reply');
  });
  return threadNow(r, threadId);
}

/** The comment, locked for this transaction, refused unless `me` wrote it. */
async function ownComment(t: PgQueryable, commentId: string, me: Person, verb: string): Promise<CommentRow> {
  const row = await commentRow(t, commentId, true);
  if (row.author_id !== me.id) assertOwnComment(row, me, verb, (await peopleLookup(t, [row.author_id]))(row.author_id).name);
  return row;
}

export async function editComment(r: PgReviewDb, commentId: string, body: string): Promise<ReviewThread> {
  const me = await requireActing(r);
  const threadId = await r.db.tx(async (t) => {
    const row = await ownComment(t, commentId, me, 'edit');
    assertEditable(row);
    const edited = row.body === body ? null : editedComment(row, body, r.now());
    if (edited) {
      await q.updateComment(t, edited);
      await recordEvent(r, t, (await threadRow(t, row.thread_id)).spec_id, row.thread_id, me.id, 'comment.edit', { commentId });
    }
    return row.thread_id;
  });
  return threadNow(r, threadId);
}

/** Delete leaves a tombstone (body kept); undo clears it. Both are actions with actor and time. */
export async function setDeleted(r: PgReviewDb, commentId: string, deleted: boolean): Promise<ReviewThread> {
  const me = await requireActing(r);
  const threadId = await r.db.tx(async (t) => {
    const row = await ownComment(t, commentId, me, deleted ? 'delete' : 'restore');
    const changed = Boolean(row.deleted_at) === deleted ? null : deletionChanged(row, deleted, me.id, r.now());
    if (changed) {
      await q.updateComment(t, changed);
      await recordEvent(r, t, (await threadRow(t, row.thread_id)).spec_id, row.thread_id, me.id, deleted ? 'comment.delete' : 'comment.undoDelete', { commentId });
    }
    return row.thread_id;
  });
  return threadNow(r, threadId);
}

/**
 * Sets a thread's status (and optionally its suggestion state) as `me`, the thread row locked.
 * `check` runs on the locked row first, so a suggestion accepted twice at once is refused once.
 */
export async function setStatus(
  r: PgReviewDb,
  threadId: string,
  status: 'open' | 'resolved' | 'keep',
  options: { suggestionState?: ThreadRow['suggestion_state']; action?: string; check?: (row: ThreadRow) => void } = {},
): Promise<ReviewThread> {
  const me = await requireActing(r);
  await r.db.tx(async (t) => {
    const row = await threadRow(t, threadId, true);
    options.check?.(row);
    const next = status === 'keep' ? row.status : status;
    await q.updateThreadStatus(t, { id: threadId, status: next, status_by: me.id, status_at: r.now(), suggestion_state: options.suggestionState ?? row.suggestion_state });
    await recordEvent(r, t, row.spec_id, threadId, me.id, options.action ?? (next === 'resolved' ? 'thread.resolve' : 'thread.reopen'));
  });
  return threadNow(r, threadId);
}

/** Accepting: the one edit replacing exactly the quote, refused when that text changed since; resolves the thread. */
export async function acceptSuggestion(r: PgReviewDb, threadId: string, markdown: string) {
  await requireActing(r);
  const placed = prepareText(markdown);
  const accepted = acceptedEdit(await threadRow(r.db, threadId), placed);
  const thread = await setStatus(r, threadId, 'resolved', { suggestionState: 'accepted', action: 'suggestion.accept', check: assertOpenSuggestion });
  return { thread, ...accepted };
}

export async function rejectSuggestion(r: PgReviewDb, threadId: string): Promise<ReviewThread> {
  assertOpenSuggestion(await threadRow(r.db, threadId));
  return setStatus(r, threadId, 'keep', { suggestionState: 'rejected', action: 'suggestion.reject', check: assertOpenSuggestion });
}
