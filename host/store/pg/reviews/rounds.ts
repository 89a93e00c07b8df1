import type { Person, Review, Reviewer, ReviewRound, RoundStatus, Verdict } from '../../../../core/contract/ops/review-threads.js';
import { HostError } from '../../../common/host-error.js';
import type { PgQueryable } from '../../../db/pg/pg-database.js';
import * as q from '../../../db/pg/queries/review-threads.js';
import type { ReviewRow, RoundRow } from '../../../db/queries/review-threads.js';
import { assertReviewer, latestSubmitted, meetingWarning, newPendingReview, reviewedHashes, reviewerStatuses, threadCounts, toPerson, toReview, toRound, unknownReviewers } from '../../../review-threads/views.js';
import { acting, actingRow, peopleLookup, recordEvent, requireActing, upsertPerson, type PgReviewDb } from './context.js';
import { headOf, listThreads } from './threads.js';

// Profile, reviewers, rounds and verdicts of ReviewThreadService (host/review-threads/rounds.ts) over PostgreSQL.

export async function getProfile(r: PgReviewDb): Promise<Person | null> {
  return acting(r);
}

/**
 * Sets the acting person's name and email. With a signed-in account it edits that account's
 * person; an email that belongs to someone else is refused (an account cannot become another
 * person). Without one it behaves as SQLite's profile: a new email edits the current person,
 * the email of another known person switches the profile to them.
 */
export async function setProfile(r: PgReviewDb, input: { name: string; email: string }): Promise<Person> {
  if (r.actor) await actingRow(r);
  return r.db.tx(async (t) => {
    const owner = await q.personByEmail(t, input.email);
    if (r.actor) {
      if (owner && owner.id !== r.actor.id) throw new HostError('EMAIL_TAKEN', `${input.email} is already the address of ${owner.name}; your profile keeps an address of its own`);
      await q.updatePerson(t, r.actor.id, input.name, input.email, r.now());
      return { id: r.actor.id, name: input.name, email: input.email };
    }
    const current = await q.profile(t);
    if (current && (!owner || owner.id === current.id)) {
      await q.updatePerson(t, current.id, input.name, input.email, r.now());
      return { id: current.id, name: input.name, email: input.email };
    }
    const person = await upsertPerson(r, t, input);
    await q.setProfile(t, person.id);
    return toPerson(person);
  });
}

export async function profileName(r: PgReviewDb): Promise<string | null> {
  return (await acting(r))?.name ?? null;
}

export async function listReviewers(r: PgReviewDb, specId: number): Promise<Reviewer[]> {
  await r.specs.getSpec(specId);
  const rows = await q.reviewers(r.db, specId);
  const personOf = await peopleLookup(r.db, rows.map((x) => x.person_id));
  return rows.map((row) => ({ person: personOf(row.person_id), addedBy: row.added_by, addedAt: row.added_at }));
}

export async function addReviewer(r: PgReviewDb, specId: number, input: { name: string; email: string }): Promise<Reviewer[]> {
  const me = await requireActing(r);
  await r.specs.getSpec(specId);
  await r.db.tx(async (t) => {
    const person = await upsertPerson(r, t, input);
    if (await q.addReviewer(t, { spec_id: specId, person_id: person.id, added_by: me.id, added_at: r.now() })) {
      await recordEvent(r, t, specId, null, me.id, 'reviewer.add', { personId: person.id });
    }
  });
  return listReviewers(r, specId);
}

async function roundView(t: PgQueryable, row: RoundRow): Promise<ReviewRound> {
  return toRound(row, await q.roundReviewers(t, row.id));
}

export async function requestRound(r: PgReviewDb, specId: number, reviewerIds: string[], meetingAt?: string): Promise<{ round: ReviewRound; warning: string | null }> {
  const me = await requireActing(r);
  const head = await headOf(r, specId);
  unknownReviewers(reviewerIds, (await q.reviewers(r.db, specId)).map((x) => x.person_id));
  const row: RoundRow = {
    id: r.newId(),
    spec_id: specId,
    version_hash: head.contentHash,
    version_number: head.number,
    meeting_at: meetingAt ? new Date(meetingAt).toISOString() : null,
    requested_by: me.id,
    requested_at: r.now(),
  };
  await r.db.tx(async (t) => {
    await q.insertRound(t, row);
    for (const id of new Set(reviewerIds)) await q.addRoundReviewer(t, row.id, id);
    await recordEvent(r, t, specId, null, me.id, 'round.request', { roundId: row.id, reviewerIds, meetingAt: row.meeting_at });
  });
  return { round: await roundView(r.db, row), warning: meetingWarning(row.meeting_at, new Date(r.now())).warning };
}

async function reviewView(t: PgQueryable, row: ReviewRow): Promise<Review> {
  const personOf = await peopleLookup(t, [row.reviewer_id]);
  return toReview(row, personOf(row.reviewer_id), await q.threadCountOfReview(t, row.id));
}

export async function pendingReview(r: PgReviewDb, specId: number): Promise<Review | null> {
  const me = await acting(r);
  if (!me) return null;
  const row = await q.pendingOf(r.db, specId, me.id);
  return row ? reviewView(r.db, row) : null;
}

/** Submits the reviewer's review once, with a verdict on the head version; only the spec's reviewers may. */
export async function submitReview(r: PgReviewDb, specId: number, verdict: Verdict, body: string): Promise<Review> {
  const me = await requireActing(r);
  const head = await headOf(r, specId);
  assertReviewer(me, (await q.reviewers(r.db, specId)).map((x) => x.person_id));
  const at = r.now();
  const id = await r.db.tx(async (t) => {
    if (!(await q.pendingOf(t, specId, me.id))) {
      const rounds = await q.roundsOf(t, specId);
      await q.insertReview(t, newPendingReview(r.newId(), specId, rounds.at(-1)?.id ?? null, me.id, at));
    }
    const pending = (await q.pendingOf(t, specId, me.id))!;
    await q.submitReview(t, { id: pending.id, verdict, body, version_hash: head.contentHash, version_number: head.number, submitted_at: at });
    await recordEvent(r, t, specId, null, me.id, 'review.submit', { reviewId: pending.id, verdict, version: head.number });
    return pending.id;
  });
  return reviewView(r.db, (await q.reviewById(r.db, id))!);
}

export async function roundStatus(r: PgReviewDb, specId: number, now: Date = new Date(r.now())): Promise<RoundStatus> {
  const head = await headOf(r, specId);
  const versions = await r.specs.listVersions(specId);
  const [rounds, reviews, reviewerRows] = await Promise.all([q.roundsOf(r.db, specId), q.reviewsOf(r.db, specId), q.reviewers(r.db, specId)]);
  const roundRow = rounds.at(-1) ?? null;
  const round = roundRow ? await roundView(r.db, roundRow) : null;
  const requested = new Set(round?.reviewerIds ?? []);
  const latest = latestSubmitted(reviews);
  // The reviewed versions' texts, fetched before the (synchronous) staleness rules run.
  const texts = new Map<string, string>();
  for (const hash of reviewedHashes(latest, head.contentHash)) {
    const v = versions.find((x) => x.contentHash === hash);
    if (v) texts.set(hash, (await r.specs.getVersion(specId, v.number)).markdown);
  }
  const reviewerIds = reviewerRows.map((x) => x.person_id);
  const personOf = await peopleLookup(r.db, [...reviewerIds, ...requested]);
  const reviewers = reviewerStatuses({ head, versions, textOf: (hash) => texts.get(hash) ?? null, roundRow, requested, reviewerIds, latest, personOf });
  const threads = await listThreads(r, specId, { includeResolved: false });
  const meeting = meetingWarning(round?.meetingAt ?? null, now);
  return { specId, headVersion: head.number, round, hoursToMeeting: meeting.hours, warning: meeting.warning, reviewers, ...threadCounts(threads) };
}
