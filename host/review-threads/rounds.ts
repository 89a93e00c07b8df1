import type { Person, Review, Reviewer, ReviewRound, RoundStatus, Verdict } from '../../core/contract/ops/review-threads.js';
import type { ReviewRow, RoundRow } from '../db/queries/review-threads.js';
import { personOrUnknown, recordEvent, requireProfile, toPerson, upsertPerson, type ReviewDb } from './context.js';
import { headOf, listThreads } from './threads.js';
import { assertReviewer, meetingWarning, REVIEW_WINDOW_HOURS, latestSubmitted, newPendingReview, reviewerStatuses, threadCounts, toReview as reviewView, toRound as roundView, unknownReviewers } from './views.js';

export { meetingWarning, REVIEW_WINDOW_HOURS };

export function getProfile(r: ReviewDb): Person | null {
  const row = r.q.profile();
  return row ? toPerson(row) : null;
}

/**
 * Sets the profile. A new email edits the current person (their id stays, so everything they did
 * stays theirs); the email of another known person (a reviewer added here, say) switches the
 * profile to that person — how two people share one installation.
 */
export function setProfile(r: ReviewDb, input: { name: string; email: string }): Person {
  return r.db.transaction(() => {
    const current = r.q.profile();
    const owner = r.q.personByEmail(input.email);
    if (current && (!owner || owner.id === current.id)) {
      r.q.updatePerson(current.id, input.name, input.email, r.now());
      return { id: current.id, name: input.name, email: input.email };
    }
    const person = upsertPerson(r, input);
    r.q.setProfile(person.id);
    return toPerson(person);
  }).immediate();
}

export function listReviewers(r: ReviewDb, specId: number): Reviewer[] {
  r.store.getSpec(specId);
  return r.q.reviewers(specId).map((row) => ({ person: personOrUnknown(r, row.person_id), addedBy: row.added_by, addedAt: row.added_at }));
}

export function addReviewer(r: ReviewDb, specId: number, input: { name: string; email: string }): Reviewer[] {
  const me = requireProfile(r);
  r.store.getSpec(specId);
  r.db.transaction(() => {
    const person = upsertPerson(r, input);
    if (r.q.addReviewer({ spec_id: specId, person_id: person.id, added_by: me.id, added_at: r.now() })) {
      recordEvent(r, specId, null, me.id, 'reviewer.add', { personId: person.id });
    }
  }).immediate();
  return listReviewers(r, specId);
}

function toRound(r: ReviewDb, row: RoundRow): ReviewRound {
  return roundView(row, r.q.roundReviewers(row.id));
}


export function requestRound(r: ReviewDb, specId: number, reviewerIds: string[], meetingAt?: string): { round: ReviewRound; warning: string | null } {
  const me = requireProfile(r);
  const head = headOf(r, specId);
  unknownReviewers(reviewerIds, r.q.reviewers(specId).map((x) => x.person_id));
  const row: RoundRow = {
    id: r.newId(),
    spec_id: specId,
    version_hash: head.contentHash,
    version_number: head.number,
    meeting_at: meetingAt ? new Date(meetingAt).toISOString() : null,
    requested_by: me.id,
    requested_at: r.now(),
  };
  r.db.transaction(() => {
    r.q.insertRound(row);
    for (const id of new Set(reviewerIds)) r.q.addRoundReviewer(row.id, id);
    recordEvent(r, specId, null, me.id, 'round.request', { roundId: row.id, reviewerIds, meetingAt: row.meeting_at });
  }).immediate();
  return { round: toRound(r, row), warning: meetingWarning(row.meeting_at, new Date(r.now())).warning };
}

function toReview(r: ReviewDb, row: ReviewRow): Review {
  return reviewView(row, personOrUnknown(r, row.reviewer_id), r.q.threadCountOfReview(row.id));
}

export function pendingReview(r: ReviewDb, specId: number): Review | null {
  const me = r.q.profile();
  if (!me) return null;
  const row = r.q.pendingOf(specId, me.id);
  return row ? toReview(r, row) : null;
}

/** Submits the reviewer's review once, with a verdict on the head version; only the spec's reviewers may. */
export function submitReview(r: ReviewDb, specId: number, verdict: Verdict, body: string): Review {
  const me = requireProfile(r);
  const head = headOf(r, specId);
  assertReviewer(me, r.q.reviewers(specId).map((x) => x.person_id));
  const at = r.now();
  const id = r.db.transaction(() => {
    let pending = r.q.pendingOf(specId, me.id);
    if (!pending) {
      pending = newPendingReview(r.newId(), specId, r.q.roundsOf(specId).at(-1)?.id ?? null, me.id, at);
      r.q.insertReview(pending);
    }
    r.q.submitReview({ id: pending.id, verdict, body, version_hash: head.contentHash, version_number: head.number, submitted_at: at });
    recordEvent(r, specId, null, me.id, 'review.submit', { reviewId: pending.id, verdict, version: head.number });
    return pending.id;
  }).immediate();
  return toReview(r, r.q.reviewById(id)!);
}

/** Submitted reviews of a spec. */
export function submittedReviews(r: ReviewDb, specId: number): Review[] {
  return r.q.reviewsOf(specId).filter((x) => x.state === 'submitted').map((x) => toReview(r, x));
}

export function roundStatus(r: ReviewDb, specId: number, now: Date = new Date(r.now())): RoundStatus {
  const head = headOf(r, specId);
  const versions = r.store.listVersions(specId);
  const markdownOf = new Map<string, string>();
  const textOf = (hash: string): string | null => {
    if (markdownOf.has(hash)) return markdownOf.get(hash)!;
    const v = versions.find((x) => x.contentHash === hash);
    const text = v ? r.store.getVersion(specId, v.number).markdown : null;
    if (text !== null) markdownOf.set(hash, text);
    return text;
  };
  const roundRow = r.q.roundsOf(specId).at(-1) ?? null;
  const round = roundRow ? toRound(r, roundRow) : null;
  const requested = new Set(round?.reviewerIds ?? []);
  const latest = latestSubmitted(r.q.reviewsOf(specId));
  const reviewers = reviewerStatuses({
    head,
    versions,
    textOf,
    roundRow,
    requested,
    reviewerIds: r.q.reviewers(specId).map((x) => x.person_id),
    latest,
    personOf: (id) => personOrUnknown(r, id),
  });
  const threads = listThreads(r, specId, { includeResolved: false });
  const meeting = meetingWarning(round?.meetingAt ?? null, now);
  return {
    specId,
    headVersion: head.number,
    round,
    hoursToMeeting: meeting.hours,
    warning: meeting.warning,
    reviewers,
    ...threadCounts(threads),
  };
}
