import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from './backends.js';
import { AC4_PHRASE, AUTHOR, authorWithSpec, code, FR1_WORDS, FR8_PHRASE, MAGIC_LINK, range, SAM } from './reviews-support.js';

/** Profile, reviewers, rounds, pending reviews and verdicts of the review repository, once per dialect (issue 15 FR-1, AC-1). */

const HOUR = 3_600_000;

for (const backend of backends) {
  test(`${backend.name}: the profile is set, edited in place, and switched to a known person by their email`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const me = await reviews.getProfile();
    assert.deepEqual(me && { name: me.name, email: me.email }, AUTHOR);
    assert.equal(await reviews.profileName(), AUTHOR.name);
    const renamed = await reviews.setProfile({ name: 'Priya A.', email: 'priya.a@example.com' });
    assert.deepEqual(renamed, { id: me!.id, name: 'Priya A.', email: 'priya.a@example.com' }, 'a new email edits the same person');
    await reviews.addReviewer(specId, SAM);
    const sam = (await reviews.listReviewers(specId))[0].person;
    const switched = await reviews.setProfile(SAM);
    assert.deepEqual(switched, sam, 'a known email switches the profile to that person');
    assert.deepEqual(await reviews.getProfile(), sam);
  });

  test(`${backend.name}: reviewers are added by name and email, once, recording who added them`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const me = (await reviews.getProfile())!;
    const first = await reviews.addReviewer(specId, SAM);
    assert.deepEqual(first.map((x) => [x.person.name, x.person.email, x.addedBy]), [[SAM.name, SAM.email, me.id]]);
    const again = await reviews.addReviewer(specId, { name: 'Samuel Reviewer', email: 'SAM@example.com' });
    assert.equal(again.length, 1, 'the same email is the same person');
    assert.equal(again[0].person.id, first[0].person.id);
    assert.equal(again[0].person.name, 'Samuel Reviewer', 'and takes the new name');
    await reviews.addReviewer(specId, { name: 'Ola', email: 'ola@example.com' });
    assert.deepEqual((await reviews.listReviewers(specId)).map((x) => x.person.email), ['SAM@example.com', 'ola@example.com']);
    await assert.rejects(reviews.listReviewers(specId + 1000), code('NOT_FOUND'));
    await assert.rejects(reviews.addReviewer(specId + 1000, SAM), code('NOT_FOUND'));
  });

  test(`${backend.name}: a round is requested from the spec's reviewers on the head version, warning when the meeting is under 48 hours away`, async (t) => {
    const { reviews, specId, store } = await authorWithSpec(backend, t);
    const [sam] = await reviews.addReviewer(specId, SAM);
    await assert.rejects(reviews.requestRound(specId, ['not-a-reviewer']), code('NOT_A_REVIEWER', /not-a-reviewer/));
    const soon = new Date(Date.now() + 20 * HOUR).toISOString();
    const { round, warning } = await reviews.requestRound(specId, [sam.person.id, sam.person.id], soon);
    assert.match(warning ?? '', /the meeting is in 1\d hours: reviewers get less than the 48 hours/);
    const head = (await store.specs.getSpec(specId)).head;
    assert.deepEqual([round.versionHash, round.versionNumber, round.meetingAt, round.reviewerIds], [head.contentHash, 1, soon, [sam.person.id]]);
    const later = await reviews.requestRound(specId, [sam.person.id], new Date(Date.now() + 72 * HOUR).toISOString());
    assert.equal(later.warning, null);

    const status = await reviews.roundStatus(specId);
    assert.equal(status.round?.id, later.round.id, 'the latest round');
    assert.ok(status.hoursToMeeting !== null && status.hoursToMeeting > 71 && status.hoursToMeeting <= 72);
    assert.deepEqual(status.reviewers.map((x) => [x.person.email, x.requested, x.verdict, x.reRequested]), [[SAM.email, true, null, true]]);
  });

  test(`${backend.name}: a pending review is private to its reviewer until submitted once with its verdict`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    await reviews.addReviewer(specId, SAM);
    await reviews.setProfile(SAM);
    assert.equal(await reviews.pendingReview(specId), null);
    const first = await reviews.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 'why 15?', severity: 'blocking', pending: true });
    const second = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'race?', severity: 'question', pending: true });
    assert.deepEqual([first.pending, second.pending], [true, true]);
    const pending = await reviews.pendingReview(specId);
    assert.deepEqual([pending?.state, pending?.verdict, pending?.threadCount, pending?.reviewer.email], ['pending', null, 2, SAM.email]);
    assert.equal((await reviews.roundStatus(specId)).openThreads, 0, 'pending threads are not counted');

    await reviews.setProfile(AUTHOR);
    assert.deepEqual(await reviews.listThreads(specId), [], 'the author does not see a pending review');
    assert.equal((await reviews.exportPackage(specId)).threads.length, 0, 'nor does a package');

    await reviews.setProfile(SAM);
    assert.equal((await reviews.listThreads(specId)).length, 2, 'its reviewer does');
    const submitted = await reviews.submitReview(specId, 'request-changes', 'see the two threads');
    assert.deepEqual([submitted.id, submitted.state, submitted.verdict, submitted.body, submitted.versionNumber, submitted.threadCount], [pending!.id, 'submitted', 'request-changes', 'see the two threads', 1, 2]);
    assert.equal(await reviews.pendingReview(specId), null);

    await reviews.setProfile(AUTHOR);
    const seen = await reviews.listThreads(specId);
    assert.deepEqual(seen.map((x) => [x.comments[0].body, x.pending, x.createdBy.name]), [['why 15?', false, SAM.name], ['race?', false, SAM.name]]);
    const status = await reviews.roundStatus(specId);
    assert.deepEqual([status.openThreads, status.openBlocking, status.reviewers[0].verdict], [2, 1, 'request-changes']);
  });

  test(`${backend.name}: every verdict can be submitted; the latest counts; someone not on the reviewer list is refused`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    await assert.rejects(reviews.submitReview(specId, 'approve'), code('NOT_A_REVIEWER', /Priya Author <priya@example.com> is not in this spec's reviewer list/));
    await reviews.addReviewer(specId, SAM);
    await reviews.setProfile(SAM);
    for (const verdict of ['comment', 'request-changes', 'approve'] as const) {
      const review = await reviews.submitReview(specId, verdict, `${verdict}!`);
      assert.deepEqual([review.state, review.verdict, review.body, review.reviewer.email, review.threadCount], ['submitted', verdict, `${verdict}!`, SAM.email, 0]);
      assert.equal((await reviews.roundStatus(specId)).reviewers[0].verdict, verdict);
    }
    assert.equal((await reviews.exportPackage(specId)).reviews.length, 3, 'every submitted review is kept');
    await assert.rejects(reviews.submitReview(specId + 1000, 'approve'), code('NOT_FOUND'));
  });

  test(`${backend.name}: a verdict goes stale when a requirement the reviewer saw changes, and stays current after an unrelated change`, async (t) => {
    const { reviews, specId, store } = await authorWithSpec(backend, t);
    const [sam] = await reviews.addReviewer(specId, SAM);
    await reviews.requestRound(specId, [sam.person.id]);
    await reviews.setProfile(SAM);
    await reviews.submitReview(specId, 'approve');
    await reviews.setProfile(AUTHOR);
    const current = await reviews.roundStatus(specId);
    assert.deepEqual(current.reviewers.map((x) => [x.verdict, x.versionNumber, x.stale, x.reRequested]), [['approve', 1, false, false]]);

    const unrelated = MAGIC_LINK.replace('## Context\n', '## Context\nDraft two.\n');
    await store.specs.saveVersion({ specId, markdown: unrelated });
    assert.deepEqual((await reviews.roundStatus(specId)).reviewers.map((x) => [x.stale, x.changed]), [[false, []]]);

    await store.specs.saveVersion({ specId, markdown: unrelated.replace(FR1_WORDS, 'whose JSON body always has the shape') });
    const stale = await reviews.roundStatus(specId);
    assert.equal(stale.headVersion, 3);
    assert.deepEqual(stale.reviewers.map((x) => [x.verdict, x.versionNumber, x.stale, x.changed, x.reRequested]), [['approve', 1, true, ['FR-1'], true]]);
  });
}
