import { createSelector, suggestionEdit } from '../../core/comments/index.js';
import type { Person, ReviewThread, Severity, ThreadComment } from '../../core/contract/ops/review-threads.js';
import { HostError } from '../common/host-error.js';
import type { CommentRow, ThreadRow } from '../db/queries/review-threads.js';
import { bodyHash, personOrUnknown, recordEvent, requireProfile, toPerson, type ReviewDb } from './context.js';
import { describePlacement, originalSelector, placeThread, prepareText, type PlacedText } from './placement.js';

export function toComment(r: ReviewDb, row: CommentRow): ThreadComment {
  return {
    id: row.id,
    threadId: row.thread_id,
    author: personOrUnknown(r, row.author_id),
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    conflictOf: row.conflict_of,
  };
}

/** The head version of a spec, as the text threads are stored against. */
export function headOf(r: ReviewDb, specId: number) {
  return r.store.getSpec(specId).head;
}

/** Local version number of a content hash in this spec, or null. */
export function versionNumberOf(r: ReviewDb, specId: number, hash: string): number | null {
  return r.store.listVersions(specId).find((v) => v.contentHash === hash)?.number ?? null;
}

function mentionsOf(r: ReviewDb, specId: number, comments: CommentRow[]): string[] {
  const live = comments.filter((c) => !c.deleted_at).map((c) => c.body.toLowerCase());
  const ids: string[] = [];
  for (const reviewer of r.q.reviewers(specId)) {
    const person = r.q.personById(reviewer.person_id);
    if (!person) continue;
    const handles = [`@${person.email.toLowerCase()}`, `@${person.name.toLowerCase()}`];
    if (live.some((body) => handles.some((h) => body.includes(h)))) ids.push(person.id);
  }
  return ids;
}

/** Whether the thread is visible to `viewer`: a pending review's threads only to their author. */
function visible(r: ReviewDb, row: ThreadRow, viewer: Person | null): { visible: boolean; pending: boolean } {
  if (!row.review_id) return { visible: true, pending: false };
  const review = r.q.reviewById(row.review_id);
  if (!review || review.state === 'submitted') return { visible: true, pending: false };
  return { visible: viewer?.id === review.reviewer_id, pending: true };
}

export function threadView(r: ReviewDb, row: ThreadRow, placed: PlacedText, pending: boolean, comments = r.q.commentsOfThread(row.id)): ReviewThread {
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
    createdBy: personOrUnknown(r, row.created_by),
    createdAt: row.created_at,
    selector: {
      ...originalSelector(row),
      versionHash: row.version_hash,
      versionNumber: row.version_number,
    },
    placement: describePlacement(placement, placed),
    suggestion,
    pending,
    findingId: row.finding_id,
    mentions: mentionsOf(r, row.spec_id, comments),
    comments: comments.map((c) => toComment(r, c)),
  };
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
  if (input.end > placed.text.length) throw new HostError('INVALID_ARGUMENTS', `the selection ${input.start}–${input.end} is outside the text (length ${placed.text.length})`);
  if (placed.text.slice(input.start, input.end).trim() === '') throw new HostError('INVALID_ARGUMENTS', 'select some text to comment on (the selection is blank)');
  const selector = createSelector(placed.index, input.start, input.end);
  const at = r.now();
  const id = r.newId();
  return r.db.transaction(() => {
    let reviewId: string | null = null;
    if (input.pending) {
      const pending = r.q.pendingOf(input.specId, me.id);
      reviewId = pending?.id ?? r.newId();
      if (!pending) {
        r.q.insertReview({ id: reviewId, spec_id: input.specId, round_id: latestRoundId(r, input.specId), reviewer_id: me.id, state: 'pending', verdict: null, body: '', version_hash: null, version_number: null, created_at: at, submitted_at: null });
      }
    }
    const row: ThreadRow = {
      id,
      spec_id: input.specId,
      kind: input.suggestion === undefined ? 'comment' : 'suggestion',
      severity: input.severity,
      version_hash: head.contentHash,
      version_number: head.number,
      requirement_id: selector.requirementId,
      quote_exact: selector.exact,
      quote_prefix: selector.prefix,
      quote_suffix: selector.suffix,
      position_start: selector.start,
      position_end: selector.end,
      whole_requirement: selector.wholeRequirement ? 1 : 0,
      anchor_hash: placed.hash,
      anchor_status: 'attached',
      anchor_method: 'id',
      anchor_requirement_id: selector.requirementId,
      anchor_exact: selector.exact,
      anchor_prefix: selector.prefix,
      anchor_suffix: selector.suffix,
      anchor_start: selector.start,
      anchor_end: selector.end,
      suggestion_text: input.suggestion ?? null,
      suggestion_state: input.suggestion === undefined ? null : 'open',
      status: 'open',
      status_by: me.id,
      status_at: at,
      review_id: reviewId,
      finding_id: input.findingId ?? null,
      created_by: me.id,
      created_at: at,
    };
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
  return { id: r.newId(), thread_id: threadId, author_id: authorId, body, body_history: JSON.stringify([bodyHash(body)]), created_at: at, edited_at: null, deleted_at: null, deleted_by: null, deletion_changed_at: null, conflict_of: null };
}

function threadRow(r: ReviewDb, threadId: string): ThreadRow {
  const row = r.q.threadById(threadId);
  if (!row) throw new HostError('NOT_FOUND', `thread ${threadId} does not exist`);
  return row;
}

function commentRow(r: ReviewDb, commentId: string): CommentRow {
  const row = r.q.commentById(commentId);
  if (!row) throw new HostError('NOT_FOUND', `comment ${commentId} does not exist`);
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
  if (row.author_id !== me.id) throw new HostError('NOT_YOUR_COMMENT', `only the author of a comment can ${verb} it; this one is by ${personOrUnknown(r, row.author_id).name}`);
  return row;
}

export function editComment(r: ReviewDb, commentId: string, body: string): ReviewThread {
  const me = requireProfile(r);
  const row = ownComment(r, commentId, me, 'edit');
  if (row.deleted_at) throw new HostError('COMMENT_DELETED', 'this comment is deleted; undo the deletion before editing it');
  if (row.body !== body) {
    const history = JSON.parse(row.body_history) as string[];
    const at = r.now();
    r.db.transaction(() => {
      r.q.updateComment({ ...row, body, body_history: JSON.stringify([...history, bodyHash(body)]), edited_at: at });
      recordEvent(r, threadRow(r, row.thread_id).spec_id, row.thread_id, me.id, 'comment.edit', { commentId });
    }).immediate();
  }
  return threadNow(r, row.thread_id);
}

/** Delete leaves a tombstone (body kept); undo clears it. Both are actions with actor and time. */
export function setDeleted(r: ReviewDb, commentId: string, deleted: boolean): ReviewThread {
  const me = requireProfile(r);
  const row = ownComment(r, commentId, me, deleted ? 'delete' : 'restore');
  if (Boolean(row.deleted_at) !== deleted) {
    const at = r.now();
    r.db.transaction(() => {
      r.q.updateComment({ ...row, deleted_at: deleted ? at : null, deleted_by: deleted ? me.id : null, deletion_changed_at: at });
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
  if (row.kind !== 'suggestion') throw new HostError('NOT_A_SUGGESTION', 'this thread is a comment, not a suggestion');
  if (row.suggestion_state !== 'open') throw new HostError('SUGGESTION_CLOSED', `this suggestion was already ${row.suggestion_state}`);
  const placed = prepareText(markdown);
  const { placement } = placeThread(row, placed);
  const edit = suggestionEdit(markdown, originalSelector(row), placement, row.suggestion_text ?? '');
  if (!edit.ok) throw new HostError(edit.reason === 'outdated' ? 'SUGGESTION_OUTDATED' : 'TEXT_CHANGED', edit.message);
  const thread = setStatus(r, threadId, 'resolved', { suggestion_state: 'accepted' }, 'suggestion.accept');
  return { thread, edit: { start: edit.start, end: edit.end, replacement: edit.replacement }, markdown: edit.text };
}

export function rejectSuggestion(r: ReviewDb, threadId: string): ReviewThread {
  const row = threadRow(r, threadId);
  if (row.kind !== 'suggestion') throw new HostError('NOT_A_SUGGESTION', 'this thread is a comment, not a suggestion');
  if (row.suggestion_state !== 'open') throw new HostError('SUGGESTION_CLOSED', `this suggestion was already ${row.suggestion_state}`);
  return setStatus(r, threadId, row.status, { suggestion_state: 'rejected' }, 'suggestion.reject');
}
