import { parseReviewPackage, REVIEW_PACKAGE_SCHEMA, type PackageComment, type PackageThread, type ReviewPackage } from '../../core/comments/index.js';
import type { PackageImportResult } from '../../core/contract/ops/review-threads.js';
import { HostError } from '../common/host-error.js';
import type { CommentRow, ThreadRow } from '../db/queries/review-threads.js';
import { bodyHash, derivedUuid, upsertPerson, type ReviewDb } from './context.js';
import { headOf, versionNumberOf } from './threads.js';

/** The head version with every published thread, submitted review, round and reviewer: what a `.specreview` holds. */
export function exportPackage(r: ReviewDb, specId: number): ReviewPackage {
  const opened = r.store.getSpec(specId);
  const head = opened.head;
  const pendingReviews = new Set(r.q.reviewsOf(specId).filter((x) => x.state === 'pending').map((x) => x.id));
  const threads = r.q.threadsOf(specId).filter((t) => !t.review_id || !pendingReviews.has(t.review_id));
  const comments = new Map<string, CommentRow[]>();
  for (const c of r.q.commentsOfSpec(specId)) comments.set(c.thread_id, [...(comments.get(c.thread_id) ?? []), c]);
  const reviews = r.q.reviewsOf(specId).filter((x) => x.state === 'submitted');
  const rounds = r.q.roundsOf(specId);
  const reviewers = r.q.reviewers(specId);
  const personIds = new Set<string>();
  const use = (id: string | null) => void (id && personIds.add(id));
  reviewers.forEach((x) => (use(x.person_id), use(x.added_by)));
  rounds.forEach((x) => use(x.requested_by));
  reviews.forEach((x) => use(x.reviewer_id));
  const profile = r.q.profile();
  use(profile?.id ?? null);
  const packageThreads: PackageThread[] = threads.map((t) => {
    use(t.created_by);
    use(t.status_by);
    const list = comments.get(t.id) ?? [];
    list.forEach((c) => (use(c.author_id), use(c.deleted_by)));
    return {
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
      comments: list.map((c) => ({
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
    };
  });
  return {
    format: 'specreview',
    schemaVersion: REVIEW_PACKAGE_SCHEMA,
    exportedAt: r.now(),
    exportedBy: profile?.id ?? null,
    spec: { title: opened.spec.title, versionHash: head.contentHash, markdown: head.markdown },
    people: [...personIds].map((id) => r.q.personById(id)).filter((p) => p !== undefined).map((p) => ({ id: p.id, name: p.name, email: p.email })),
    reviewers: reviewers.map((x) => ({ personId: x.person_id, addedBy: x.added_by, addedAt: x.added_at })),
    threads: packageThreads,
    reviews: reviews.map((x) => ({ id: x.id, reviewerId: x.reviewer_id, roundId: x.round_id, verdict: x.verdict!, body: x.body, versionHash: x.version_hash!, createdAt: x.created_at, submittedAt: x.submitted_at! })),
    rounds: rounds.map((x) => ({ id: x.id, versionHash: x.version_hash, meetingAt: x.meeting_at, requestedBy: x.requested_by, requestedAt: x.requested_at, reviewerIds: r.q.roundReviewers(x.id) })),
  };
}

/**
 * Merges a package by stable ids in one transaction. Idempotent: every row is inserted only when
 * its id is new, status and deletion are last-writer-wins by their timestamps, and a comment body
 * moves forward only when this library's body is in the package's history. Two different edits
 * of one comment keep both: the package's text becomes a copy marked `conflictOf`.
 */
export function importPackage(r: ReviewDb, text: string): PackageImportResult {
  const parsed = parseReviewPackage(text);
  if (!parsed.ok) throw new HostError(parsed.code, parsed.message);
  const pkg = parsed.value;
  const existingSpec = r.specWithHash(pkg.spec.versionHash);
  const specId = existingSpec ?? r.store.createSpec({ source: { kind: 'markdown', markdown: pkg.spec.markdown, fileName: `${pkg.spec.title || 'review'}.md` }, message: 'imported with a review package' }).spec.id;
  if (existingSpec === null && headOf(r, specId).contentHash !== pkg.spec.versionHash) {
    throw new HostError('PACKAGE_INVALID', "the package's spec text does not match its version hash");
  }
  const result: PackageImportResult = { specId, threadsAdded: 0, commentsAdded: 0, commentsUpdated: 0, conflicts: 0, reviewsAdded: 0, reviewersAdded: 0 };
  r.db.transaction(() => {
    // People: the same id, else the same email, is the same person.
    const personId = new Map<string, string>();
    for (const p of pkg.people) personId.set(p.id, (r.q.personById(p.id) ?? upsertPersonKeepName(r, p)).id);
    const pid = (id: string): string => {
      const mapped = personId.get(id);
      if (!mapped) throw new HostError('PACKAGE_INVALID', `the package refers to person ${id} but does not list them`);
      return mapped;
    };
    for (const x of pkg.reviewers) {
      if (r.q.addReviewer({ spec_id: specId, person_id: pid(x.personId), added_by: pid(x.addedBy), added_at: x.addedAt })) result.reviewersAdded++;
    }
    for (const x of pkg.rounds) {
      if (!r.q.roundById(x.id)) {
        r.q.insertRound({ id: x.id, spec_id: specId, version_hash: x.versionHash, version_number: versionNumberOf(r, specId, x.versionHash), meeting_at: x.meetingAt, requested_by: pid(x.requestedBy), requested_at: x.requestedAt });
      }
      for (const id of x.reviewerIds) r.q.addRoundReviewer(x.id, pid(id));
    }
    for (const x of pkg.reviews) {
      if (r.q.reviewById(x.id)) continue;
      r.q.insertReview({
        id: x.id,
        spec_id: specId,
        round_id: x.roundId && r.q.roundById(x.roundId) ? x.roundId : null,
        reviewer_id: pid(x.reviewerId),
        state: 'submitted',
        verdict: x.verdict,
        body: x.body,
        version_hash: x.versionHash,
        version_number: versionNumberOf(r, specId, x.versionHash),
        created_at: x.createdAt,
        submitted_at: x.submittedAt,
      });
      result.reviewsAdded++;
    }
    for (const t of pkg.threads) mergeThread(r, specId, t, pid, result);
  }).immediate();
  return result;
}

/** A person from a package: a known email keeps this library's name for them. */
function upsertPersonKeepName(r: ReviewDb, p: { id: string; name: string; email: string }) {
  return r.q.personByEmail(p.email) ?? upsertPerson(r, p, p.id);
}

function mergeThread(r: ReviewDb, specId: number, t: PackageThread, pid: (id: string) => string, result: PackageImportResult): void {
  const local = r.q.threadById(t.id);
  if (!local) {
    const s = t.selector;
    const row: ThreadRow = {
      id: t.id,
      spec_id: specId,
      kind: t.kind,
      severity: t.severity,
      version_hash: s.versionHash,
      version_number: versionNumberOf(r, specId, s.versionHash),
      requirement_id: s.requirementId,
      quote_exact: s.exact,
      quote_prefix: s.prefix,
      quote_suffix: s.suffix,
      position_start: s.start,
      position_end: s.end,
      whole_requirement: s.wholeRequirement ? 1 : 0,
      // Placed against its own version; the next listing re-anchors it in the head.
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
      review_id: t.reviewId && r.q.reviewById(t.reviewId) ? t.reviewId : null,
      finding_id: t.findingId,
      created_by: pid(t.createdBy),
      created_at: t.createdAt,
    };
    r.q.insertThread(row);
    result.threadsAdded++;
  } else {
    let next = local;
    if (t.statusAt > local.status_at) next = { ...next, status: t.status, status_by: pid(t.statusBy), status_at: t.statusAt };
    if (t.suggestion && local.suggestion_state === 'open' && t.suggestion.state !== 'open') next = { ...next, suggestion_state: t.suggestion.state };
    if (next !== local) r.q.updateThread(next);
  }
  // Conflict copies are merged after the comments they copy, so their originals exist.
  const ordered = [...t.comments].sort((a, b) => Number(a.conflictOf !== null) - Number(b.conflictOf !== null));
  for (const c of ordered) mergeComment(r, t.id, c, pid, result);
}

function mergeComment(r: ReviewDb, threadId: string, c: PackageComment, pid: (id: string) => string, result: PackageImportResult): void {
  const local = r.q.commentById(c.id);
  const incoming: CommentRow = {
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
    conflict_of: c.conflictOf && r.q.commentById(c.conflictOf) ? c.conflictOf : null,
  };
  if (!local) {
    r.q.insertComment(incoming);
    result.commentsAdded++;
    return;
  }
  let next = local;
  if (local.body !== c.body) {
    const localHistory = JSON.parse(local.body_history) as string[];
    const incomingHistory = JSON.parse(incoming.body_history) as string[];
    if (localHistory.includes(bodyHash(c.body))) {
      // The package holds an older text of this comment: ours is newer.
    } else if (incomingHistory.includes(bodyHash(local.body))) {
      next = { ...next, body: c.body, body_history: incoming.body_history, edited_at: c.editedAt };
      result.commentsUpdated++;
    } else {
      const copyId = derivedUuid(`${c.id}\n${c.body}`);
      if (!r.q.commentById(copyId)) {
        r.q.insertComment({ ...incoming, id: copyId, created_at: c.editedAt ?? c.createdAt, conflict_of: c.id });
        result.conflicts++;
      }
    }
  }
  if ((c.deletionChangedAt ?? '') > (local.deletion_changed_at ?? '')) {
    next = { ...next, deleted_at: c.deletedAt, deleted_by: incoming.deleted_by, deletion_changed_at: c.deletionChangedAt };
  }
  if (next !== local) r.q.updateComment(next);
}
