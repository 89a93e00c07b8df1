import { parseReviewPackage, type PackageComment, type PackageThread, type ReviewPackage } from '../../../../core/comments/index.js';
import type { PackageImportResult } from '../../../../core/contract/ops/review-threads.js';
import { HostError } from '../../../common/host-error.js';
import type { PgQueryable } from '../../../db/pg/pg-database.js';
import * as q from '../../../db/pg/queries/review-threads.js';
import {
  buildPackage,
  commentFromPackage,
  commentsInMergeOrder,
  emptyImportResult,
  mergedComment,
  mergedThread,
  PACKAGE_HASH_MISMATCH,
  packagePersonIds,
  packageSpecInput,
  personIdMap,
  reviewFromPackage,
  threadFromPackage,
  type PackageSource,
  type PersonIdMap,
} from '../../../review-threads/package-rows.js';
import { actingRow, upsertPerson, type PgReviewDb } from './context.js';
import { headOf } from './threads.js';

// `.specreview` export and import of ReviewThreadService (host/review-threads/review-package.ts)
// over PostgreSQL; what a package holds and how rows merge are the shared rules of package-rows.ts.

export async function exportPackage(r: PgReviewDb, specId: number): Promise<ReviewPackage> {
  const opened = await r.specs.getSpec(specId);
  const me = await actingRow(r);
  const [threads, comments, reviews, rounds, roundReviewers, reviewers] = await Promise.all([
    q.threadsOf(r.db, specId),
    q.commentsOfSpec(r.db, specId),
    q.reviewsOf(r.db, specId),
    q.roundsOf(r.db, specId),
    q.roundReviewersOfSpec(r.db, specId),
    q.reviewers(r.db, specId),
  ]);
  const src: PackageSource = {
    title: opened.spec.title,
    head: opened.head,
    threads,
    comments,
    reviews,
    rounds,
    roundReviewers: (roundId) => roundReviewers.get(roundId) ?? [],
    reviewers,
    profileId: me?.id ?? null,
    exportedAt: r.now(),
  };
  const ids = packagePersonIds(src);
  const byId = new Map((await q.peopleByIds(r.db, ids)).map((p) => [p.id, p]));
  return buildPackage(src, ids.flatMap((id) => byId.get(id) ?? []));
}

/** Version numbers of this spec by content hash, read once per import. */
async function versionNumbers(r: PgReviewDb, specId: number): Promise<(hash: string) => number | null> {
  const versions = await r.specs.listVersions(specId);
  return (hash) => versions.find((v) => v.contentHash === hash)?.number ?? null;
}

/**
 * Merges a package by stable ids in one transaction, as on SQLite: idempotent, status and deletion
 * last-writer-wins, bodies fast-forward, concurrent edits kept as a conflict copy. Rows are
 * inserted only when their id is new, so two imports of one package at once add each row once.
 */
export async function importPackage(r: PgReviewDb, text: string): Promise<PackageImportResult> {
  const parsed = parseReviewPackage(text);
  if (!parsed.ok) throw new HostError(parsed.code, parsed.message);
  const pkg = parsed.value;
  const existingSpec = await q.specWithHash(r.db, pkg.spec.versionHash);
  const specId = existingSpec ?? (await r.specs.createSpec(packageSpecInput(pkg))).spec.id;
  if (existingSpec === null && (await headOf(r, specId)).contentHash !== pkg.spec.versionHash) throw new HostError('PACKAGE_INVALID', PACKAGE_HASH_MISMATCH);
  const numberOf = await versionNumbers(r, specId);
  const result = emptyImportResult(specId);
  await r.db.tx(async (t) => {
    // People: the same id, else the same email, is the same person (a known email keeps its name here).
    const personId = new Map<string, string>();
    for (const p of pkg.people) {
      const known = (await q.personById(t, p.id)) ?? (await q.personByEmail(t, p.email)) ?? (await upsertPerson(r, t, p, p.id));
      personId.set(p.id, known.id);
    }
    const pid = personIdMap(personId);
    for (const x of pkg.reviewers) {
      if (await q.addReviewer(t, { spec_id: specId, person_id: pid(x.personId), added_by: pid(x.addedBy), added_at: x.addedAt })) result.reviewersAdded++;
    }
    for (const x of pkg.rounds) {
      await q.insertRound(t, { id: x.id, spec_id: specId, version_hash: x.versionHash, version_number: numberOf(x.versionHash), meeting_at: x.meetingAt, requested_by: pid(x.requestedBy), requested_at: x.requestedAt });
      for (const id of x.reviewerIds) await q.addRoundReviewer(t, x.id, pid(id));
    }
    for (const x of pkg.reviews) {
      if (await q.reviewById(t, x.id)) continue;
      const roundKnown = Boolean(x.roundId && (await q.roundById(t, x.roundId)));
      if (await q.insertReview(t, reviewFromPackage(x, specId, roundKnown, numberOf(x.versionHash), pid))) result.reviewsAdded++;
    }
    for (const thread of pkg.threads) await mergeThread(t, specId, thread, pid, numberOf, result);
  });
  return result;
}

async function mergeThread(t: PgQueryable, specId: number, thread: PackageThread, pid: PersonIdMap, numberOf: (hash: string) => number | null, result: PackageImportResult): Promise<void> {
  const local = await q.threadById(t, thread.id, true);
  if (!local) {
    const reviewKnown = Boolean(thread.reviewId && (await q.reviewById(t, thread.reviewId)));
    if (await q.insertThread(t, threadFromPackage(thread, specId, numberOf(thread.selector.versionHash), pid, reviewKnown))) result.threadsAdded++;
  } else {
    const next = mergedThread(local, thread, pid);
    if (next) await q.updateThreadStatus(t, next);
  }
  for (const c of commentsInMergeOrder(thread)) await mergeComment(t, thread.id, c, pid, result);
}

async function mergeComment(t: PgQueryable, threadId: string, c: PackageComment, pid: PersonIdMap, result: PackageImportResult): Promise<void> {
  const local = await q.commentById(t, c.id, true);
  const incoming = commentFromPackage(c, threadId, pid, Boolean(c.conflictOf && (await q.commentById(t, c.conflictOf))));
  if (!local) {
    if (await q.insertComment(t, incoming)) result.commentsAdded++;
    return;
  }
  const merged = mergedComment(local, c, incoming);
  if (merged.updated) result.commentsUpdated++;
  if (merged.conflictCopy && (await q.insertComment(t, merged.conflictCopy))) result.conflicts++;
  if (merged.next) await q.updateComment(t, merged.next);
}
