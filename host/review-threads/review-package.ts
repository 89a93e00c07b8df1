import { parseReviewPackage, type PackageComment, type PackageThread, type ReviewPackage } from '../../core/comments/index.js';
import type { PackageImportResult } from '../../core/contract/ops/review-threads.js';
import { HostError } from '../common/host-error.js';
import { upsertPerson, type ReviewDb } from './context.js';
import {
  buildPackage,
  commentFromPackage,
  emptyImportResult,
  PACKAGE_HASH_MISMATCH,
  packageSpecInput,
  personIdMap,
  reviewFromPackage,
  commentsInMergeOrder,
  mergedComment,
  mergedThread,
  packagePersonIds,
  threadFromPackage,
  type PackageSource,
  type PersonIdMap,
} from './package-rows.js';
import { headOf, versionNumberOf } from './threads.js';

/** The head version with every published thread, submitted review, round and reviewer: what a `.specreview` holds. */
export function exportPackage(r: ReviewDb, specId: number): ReviewPackage {
  const opened = r.store.getSpec(specId);
  const src: PackageSource = {
    title: opened.spec.title,
    head: opened.head,
    threads: r.q.threadsOf(specId),
    comments: r.q.commentsOfSpec(specId),
    reviews: r.q.reviewsOf(specId),
    rounds: r.q.roundsOf(specId),
    roundReviewers: (roundId) => r.q.roundReviewers(roundId),
    reviewers: r.q.reviewers(specId),
    profileId: r.q.profile()?.id ?? null,
    exportedAt: r.now(),
  };
  const people = packagePersonIds(src).map((id) => r.q.personById(id)).filter((p) => p !== undefined);
  return buildPackage(src, people);
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
  const specId = existingSpec ?? r.store.createSpec(packageSpecInput(pkg)).spec.id;
  if (existingSpec === null && headOf(r, specId).contentHash !== pkg.spec.versionHash) throw new HostError('PACKAGE_INVALID', PACKAGE_HASH_MISMATCH);
  const result = emptyImportResult(specId);
  r.db.transaction(() => {
    // People: the same id, else the same email, is the same person.
    const personId = new Map<string, string>();
    for (const p of pkg.people) personId.set(p.id, (r.q.personById(p.id) ?? upsertPersonKeepName(r, p)).id);
    const pid = personIdMap(personId);
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
      r.q.insertReview(reviewFromPackage(x, specId, Boolean(x.roundId && r.q.roundById(x.roundId)), versionNumberOf(r, specId, x.versionHash), pid));
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

function mergeThread(r: ReviewDb, specId: number, t: PackageThread, pid: PersonIdMap, result: PackageImportResult): void {
  const local = r.q.threadById(t.id);
  if (!local) {
    r.q.insertThread(threadFromPackage(t, specId, versionNumberOf(r, specId, t.selector.versionHash), pid, Boolean(t.reviewId && r.q.reviewById(t.reviewId))));
    result.threadsAdded++;
  } else {
    const next = mergedThread(local, t, pid);
    if (next) r.q.updateThread(next);
  }
  for (const c of commentsInMergeOrder(t)) mergeComment(r, t.id, c, pid, result);
}

function mergeComment(r: ReviewDb, threadId: string, c: PackageComment, pid: PersonIdMap, result: PackageImportResult): void {
  const local = r.q.commentById(c.id);
  const incoming = commentFromPackage(c, threadId, pid, Boolean(c.conflictOf && r.q.commentById(c.conflictOf)));
  if (!local) {
    r.q.insertComment(incoming);
    result.commentsAdded++;
    return;
  }
  const merged = mergedComment(local, c, incoming);
  if (merged.updated) result.commentsUpdated++;
  if (merged.conflictCopy && !r.q.commentById(merged.conflictCopy.id)) {
    r.q.insertComment(merged.conflictCopy);
    result.conflicts++;
  }
  if (merged.next) r.q.updateComment(merged.next);
}
