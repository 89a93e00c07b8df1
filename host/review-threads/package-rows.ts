import { REVIEW_PACKAGE_SCHEMA, type PackageComment, type PackageThread, type ReviewPackage } from '../../core/comments/index.js';
import type { CommentRow, PersonRow, ReviewerRow, ReviewRow, RoundRow, ThreadRow } from '../db/queries/review-threads.js';
import type { PackageImportResult } from '../../core/contract/ops/review-threads.js';
import { HostError } from '../common/host-error.js';
import { bodyHash, derivedUuid } from './hash.js';

// The dialect-free half of `.specreview` export and import: which rows a package holds, and how an
// incoming thread or comment merges with the local one. The SQLite service and the PostgreSQL
// repository read and write the rows; the decisions are these, once.

/** Everything of one spec a package is built from, as stored. */
export interface PackageSource {
  title: string;
  head: { contentHash: string; markdown: string };
  threads: ThreadRow[];
  comments: CommentRow[];
  reviews: ReviewRow[];
  rounds: RoundRow[];
  roundReviewers: (roundId: string) => string[];
  reviewers: ReviewerRow[];
  profileId: string | null;
  exportedAt: string;
}

/** Threads of a pending (unsubmitted) review stay private: they are not exported. */
function publishedThreads(src: PackageSource): ThreadRow[] {
  const pending = new Set(src.reviews.filter((x) => x.state === 'pending').map((x) => x.id));
  return src.threads.filter((t) => !t.review_id || !pending.has(t.review_id));
}

/** The ids of every person the package mentions, in the order the package lists them. */
export function packagePersonIds(src: PackageSource): string[] {
  const ids = new Set<string>();
  const use = (id: string | null) => void (id && ids.add(id));
  src.reviewers.forEach((x) => (use(x.person_id), use(x.added_by)));
  src.rounds.forEach((x) => use(x.requested_by));
  src.reviews.filter((x) => x.state === 'submitted').forEach((x) => use(x.reviewer_id));
  use(src.profileId);
  const comments = commentsByThread(src.comments);
  for (const t of publishedThreads(src)) {
    use(t.created_by);
    use(t.status_by);
    (comments.get(t.id) ?? []).forEach((c) => (use(c.author_id), use(c.deleted_by)));
  }
  return [...ids];
}

function commentsByThread(rows: CommentRow[]): Map<string, CommentRow[]> {
  const map = new Map<string, CommentRow[]>();
  for (const c of rows) {
    const list = map.get(c.thread_id);
    if (list) list.push(c);
    else map.set(c.thread_id, [c]);
  }
  return map;
}

/** The package: the head version with every published thread, submitted review, round and reviewer. */
export function buildPackage(src: PackageSource, people: PersonRow[]): ReviewPackage {
  const comments = commentsByThread(src.comments);
  const packageThreads: PackageThread[] = publishedThreads(src).map((t) => ({
    id: t.id,
    kind: t.kind,
    severity: t.severity,
    selector: {
      requirementId: t.requirement_id,
      exact: t.quote_exact,
      prefix: t.quote_prefix,
      suffix: t.quote_suffix,
      start: t.position_start,
      end: t.position_end,
      wholeRequirement: t.whole_requirement === 1,
      versionHash: t.version_hash,
    },
    suggestion: t.kind === 'suggestion' ? { text: t.suggestion_text ?? '', state: t.suggestion_state ?? 'open' } : null,
    status: t.status,
    statusBy: t.status_by,
    statusAt: t.status_at,
    createdBy: t.created_by,
    createdAt: t.created_at,
    findingId: t.finding_id,
    reviewId: t.review_id,
    comments: (comments.get(t.id) ?? []).map((c) => ({
      id: c.id,
      authorId: c.author_id,
      body: c.body,
      bodyHistory: JSON.parse(c.body_history) as string[],
      createdAt: c.created_at,
      editedAt: c.edited_at,
      deletedAt: c.deleted_at,
      deletedBy: c.deleted_by,
      deletionChangedAt: c.deletion_changed_at,
      conflictOf: c.conflict_of,
    })),
  }));
  const submitted = src.reviews.filter((x) => x.state === 'submitted');
  return {
    format: 'specreview',
    schemaVersion: REVIEW_PACKAGE_SCHEMA,
    exportedAt: src.exportedAt,
    exportedBy: src.profileId,
    spec: { title: src.title, versionHash: src.head.contentHash, markdown: src.head.markdown },
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email })),
    reviewers: src.reviewers.map((x) => ({ personId: x.person_id, addedBy: x.added_by, addedAt: x.added_at })),
    threads: packageThreads,
    reviews: submitted.map((x) => ({ id: x.id, reviewerId: x.reviewer_id, roundId: x.round_id, verdict: x.verdict!, body: x.body, versionHash: x.version_hash!, createdAt: x.created_at, submittedAt: x.submitted_at! })),
    rounds: src.rounds.map((x) => ({ id: x.id, versionHash: x.version_hash, meetingAt: x.meeting_at, requestedBy: x.requested_by, requestedAt: x.requested_at, reviewerIds: src.roundReviewers(x.id) })),
  };
}

/** Maps a package's person id to this library's; a person the package does not list is an invalid package. */
export type PersonIdMap = (id: string) => string;

/** A thread new to this library, placed against its own version (the next listing re-anchors it in the head). */
export function threadFromPackage(t: PackageThread, specId: number, versionNumber: number | null, pid: PersonIdMap, reviewKnown: boolean): ThreadRow {
  const s = t.selector;
  return {
    id: t.id,
    spec_id: specId,
    kind: t.kind,
    severity: t.severity,
    version_hash: s.versionHash,
    version_number: versionNumber,
    requirement_id: s.requirementId,
    quote_exact: s.exact,
    quote_prefix: s.prefix,
    quote_suffix: s.suffix,
    position_start: s.start,
    position_end: s.end,
    whole_requirement: s.wholeRequirement ? 1 : 0,
    anchor_hash: s.versionHash,
    anchor_status: 'attached',
    anchor_method: 'id',
    anchor_requirement_id: s.requirementId,
    anchor_exact: s.exact,
    anchor_prefix: s.prefix,
    anchor_suffix: s.suffix,
    anchor_start: s.start,
    anchor_end: s.end,
    suggestion_text: t.suggestion?.text ?? null,
    suggestion_state: t.suggestion?.state ?? null,
    status: t.status,
    status_by: pid(t.statusBy),
    status_at: t.statusAt,
    review_id: t.reviewId && reviewKnown ? t.reviewId : null,
    finding_id: t.findingId,
    created_by: pid(t.createdBy),
    created_at: t.createdAt,
  };
}

/** A known thread after the package: status is last-writer-wins, a closed suggestion stays closed. Null when unchanged. */
export function mergedThread(local: ThreadRow, t: PackageThread, pid: PersonIdMap): ThreadRow | null {
  let next = local;
  if (t.statusAt > local.status_at) next = { ...next, status: t.status, status_by: pid(t.statusBy), status_at: t.statusAt };
  if (t.suggestion && local.suggestion_state === 'open' && t.suggestion.state !== 'open') next = { ...next, suggestion_state: t.suggestion.state };
  return next === local ? null : next;
}

/** Conflict copies are merged after the comments they copy, so their originals exist. */
export function commentsInMergeOrder(t: PackageThread): PackageComment[] {
  return [...t.comments].sort((a, b) => Number(a.conflictOf !== null) - Number(b.conflictOf !== null));
}

export function commentFromPackage(c: PackageComment, threadId: string, pid: PersonIdMap, conflictOfKnown: boolean): CommentRow {
  return {
    id: c.id,
    thread_id: threadId,
    author_id: pid(c.authorId),
    body: c.body,
    body_history: JSON.stringify(c.bodyHistory.length ? c.bodyHistory : [bodyHash(c.body)]),
    created_at: c.createdAt,
    edited_at: c.editedAt,
    deleted_at: c.deletedAt,
    deleted_by: c.deletedBy ? pid(c.deletedBy) : null,
    deletion_changed_at: c.deletionChangedAt,
    conflict_of: c.conflictOf && conflictOfKnown ? c.conflictOf : null,
  };
}

/**
 * How a known comment merges with the package's: the body moves forward only when this library's
 * body is in the package's history; two different edits keep both (`conflictCopy`, id derived
 * from the text so a re-import finds it); deletion is last-writer-wins by `deletion_changed_at`.
 */
export function mergedComment(local: CommentRow, c: PackageComment, incoming: CommentRow): { next: CommentRow | null; updated: boolean; conflictCopy: CommentRow | null } {
  let next = local;
  let updated = false;
  let conflictCopy: CommentRow | null = null;
  if (local.body !== c.body) {
    const localHistory = JSON.parse(local.body_history) as string[];
    const incomingHistory = JSON.parse(incoming.body_history) as string[];
    if (localHistory.includes(bodyHash(c.body))) {
      // The package holds an older text of this comment: ours is newer.
    } else if (incomingHistory.includes(bodyHash(local.body))) {
      next = { ...next, body: c.body, body_history: incoming.body_history, edited_at: c.editedAt };
      updated = true;
    } else {
      conflictCopy = { ...incoming, id: derivedUuid(`${c.id}\n${c.body}`), created_at: c.editedAt ?? c.createdAt, conflict_of: c.id };
    }
  }
  if ((c.deletionChangedAt ?? '') > (local.deletion_changed_at ?? '')) {
    next = { ...next, deleted_at: c.deletedAt, deleted_by: incoming.deleted_by, deletion_changed_at: c.deletionChangedAt };
  }
  return { next: next === local ? null : next, updated, conflictCopy };
}

/** `map` as a PersonIdMap that refuses an id the package does not list. */
export function personIdMap(map: Map<string, string>): PersonIdMap {
  return (id) => {
    const mapped = map.get(id);
    if (!mapped) throw new HostError('PACKAGE_INVALID', `the package refers to person ${id} but does not list them`);
    return mapped;
  };
}

/** A submitted review new to this library. */
export function reviewFromPackage(x: ReviewPackage['reviews'][number], specId: number, roundKnown: boolean, versionNumber: number | null, pid: PersonIdMap): ReviewRow {
  return {
    id: x.id,
    spec_id: specId,
    round_id: x.roundId && roundKnown ? x.roundId : null,
    reviewer_id: pid(x.reviewerId),
    state: 'submitted',
    verdict: x.verdict,
    body: x.body,
    version_hash: x.versionHash,
    version_number: versionNumber,
    created_at: x.createdAt,
    submitted_at: x.submittedAt,
  };
}

export const PACKAGE_HASH_MISMATCH = "the package's spec text does not match its version hash";

/** The spec an imported package creates when no spec holds its version. */
export function packageSpecInput(pkg: ReviewPackage) {
  return { source: { kind: 'markdown' as const, markdown: pkg.spec.markdown, fileName: `${pkg.spec.title || 'review'}.md` }, message: 'imported with a review package' };
}

export function emptyImportResult(specId: number): PackageImportResult {
  return { specId, threadsAdded: 0, commentsAdded: 0, commentsUpdated: 0, conflicts: 0, reviewsAdded: 0, reviewersAdded: 0 };
}
