import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreContract } from '../../../../host/store/contract/store-contract.js';
import { backends, type Backend } from './backends.js';
import { AC4_PHRASE, AUTHOR, authorWithSpec, code, FR8_PHRASE, MAGIC_LINK, range, SAM } from './reviews-support.js';

/**
 * `.specreview` packages between the dialects (issue 15 FR-1, AC-1): exported by one backend,
 * imported into a fresh store of either, merged by stable ids, idempotently; and the same script
 * run on both backends gives the same answers.
 */

type Reviews = ReturnType<StoreContract['reviews']>;

/** A review with a bit of everything: a reply, a resolved thread, a deleted comment, a suggestion, a round and Sam's verdict. */
async function reviewedSpec(backend: Backend, t: TestContext) {
  const { store, reviews, specId } = await authorWithSpec(backend, t);
  const [sam] = await reviews.addReviewer(specId, SAM);
  await reviews.requestRound(specId, [sam.person.id], '2030-01-01T10:00:00.000Z');
  const race = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'race?', severity: 'blocking', pending: false });
  await reviews.reply(race.id, 'a second click');
  const gone = await reviews.addThread({ specId, ...range(MAGIC_LINK, 'HttpOnly'), body: 'to be deleted', severity: 'question', pending: false });
  await reviews.deleteComment(gone.comments[0].id);
  await reviews.resolve(gone.id);
  await reviews.setProfile(SAM);
  await reviews.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 'shorter', severity: 'non-blocking', suggestion: '10 minutes have passed', pending: true });
  await reviews.submitReview(specId, 'request-changes', 'two things');
  await reviews.setProfile(AUTHOR);
  return { store, reviews, specId };
}

/** What a reader sees of a spec's review, ids included (a package keeps them). */
async function seen(reviews: Reviews, specId: number) {
  const threads = await reviews.listThreads(specId, { includeResolved: true });
  const status = await reviews.roundStatus(specId);
  return {
    threads: threads.map((x) => ({
      id: x.id,
      kind: x.kind,
      severity: x.severity,
      status: x.status,
      by: x.createdBy.email,
      placement: x.placement,
      suggestion: x.suggestion,
      comments: x.comments.map((c) => [c.id, c.author.email, c.body, c.deletedAt !== null, c.conflictOf]),
    })),
    reviewers: (await reviews.listReviewers(specId)).map((x) => [x.person.id, x.person.email]),
    verdicts: status.reviewers.map((x) => [x.person.email, x.requested, x.verdict, x.versionNumber, x.stale]),
    round: status.round && [status.round.id, status.round.meetingAt, status.round.reviewerIds],
    counts: [status.openThreads, status.openBlocking, status.outdated],
  };
}

const zero = { threadsAdded: 0, commentsAdded: 0, commentsUpdated: 0, conflicts: 0, reviewsAdded: 0, reviewersAdded: 0 };

for (const from of backends) {
  for (const to of backends) {
    test(`package ${from.name} → ${to.name}: a fresh store gets the spec and every published thread, verdict, round and reviewer; a second import changes nothing`, async (t) => {
      const source = await reviewedSpec(from, t);
      const pkg = await source.reviews.exportPackage(source.specId);
      assert.deepEqual([pkg.format, pkg.threads.length, pkg.reviews.length, pkg.rounds.length, pkg.reviewers.length], ['specreview', 3, 1, 1, 1]);
      const json = JSON.stringify(pkg);

      const target = await to.open(t);
      const imported = await target.reviews().importPackage(json);
      assert.deepEqual({ ...imported, specId: 0 }, { specId: 0, threadsAdded: 3, commentsAdded: 4, commentsUpdated: 0, conflicts: 0, reviewsAdded: 1, reviewersAdded: 1 });
      assert.equal((await target.specs.getSpec(imported.specId)).head.markdown, MAGIC_LINK);
      await target.reviews().setProfile(AUTHOR);
      const there = await seen(target.reviews(), imported.specId);
      assert.deepEqual(there, await seen(source.reviews, source.specId));

      const again = await target.reviews().importPackage(json);
      assert.deepEqual(again, { ...zero, specId: imported.specId });
      assert.deepEqual(await seen(target.reviews(), imported.specId), there);
    });
  }
}

for (const backend of backends) {
  const other = backends.find((b) => b !== backend)!;

  test(`${backend.name}: concurrent edits of one comment keep both (conflict copy); a later edit fast-forwards; deletion is last-writer-wins`, async (t) => {
    const author = await authorWithSpec(backend, t);
    const thread = await author.reviews.addThread({ specId: author.specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'original', severity: 'blocking', pending: false });
    const commentId = thread.comments[0].id;
    // The same author on a second machine of the other dialect.
    const laptop = await other.open(t);
    const { specId: laptopSpec } = await laptop.reviews().importPackage(JSON.stringify(await author.reviews.exportPackage(author.specId)));
    await laptop.reviews().setProfile(AUTHOR);

    await laptop.reviews().editComment(commentId, 'edited on the laptop');
    const forward = await author.reviews.importPackage(JSON.stringify(await laptop.reviews().exportPackage(laptopSpec)));
    assert.deepEqual([forward.commentsUpdated, forward.conflicts], [1, 0]);
    assert.equal((await author.reviews.listThreads(author.specId))[0].comments[0].body, 'edited on the laptop');

    await author.reviews.editComment(commentId, 'edited at the desk');
    await laptop.reviews().editComment(commentId, 'edited on the train');
    await laptop.reviews().deleteComment(commentId);
    const laptopJson = JSON.stringify(await laptop.reviews().exportPackage(laptopSpec));
    const merged = await author.reviews.importPackage(laptopJson);
    assert.deepEqual([merged.commentsUpdated, merged.conflicts], [0, 1]);
    const comments = (await author.reviews.listThreads(author.specId))[0].comments;
    assert.deepEqual(
      comments.map((c) => [c.body, c.conflictOf, c.deletedAt !== null]),
      [['edited at the desk', null, true], ['edited on the train', commentId, true]],
    );
    assert.deepEqual(await author.reviews.importPackage(laptopJson), { ...zero, specId: author.specId }, 'idempotent');
  });

  test(`${backend.name}: two reviewers' packages of one version give the union of their threads; a newer or broken package is refused`, async (t) => {
    const author = await authorWithSpec(backend, t);
    await author.reviews.addReviewer(author.specId, SAM);
    await author.reviews.addReviewer(author.specId, { name: 'Ola', email: 'ola@example.com' });
    const base = JSON.stringify(await author.reviews.exportPackage(author.specId));
    const packages: string[] = [];
    for (const [who, phrase] of [[SAM, AC4_PHRASE], [{ name: 'Ola', email: 'ola@example.com' }, FR8_PHRASE]] as const) {
      const machine = await other.open(t);
      const { specId } = await machine.reviews().importPackage(base);
      await machine.reviews().setProfile(who);
      await machine.reviews().addThread({ specId, ...range(MAGIC_LINK, phrase), body: `from ${who.name}`, severity: 'non-blocking', pending: false });
      await machine.reviews().submitReview(specId, 'approve');
      packages.push(JSON.stringify(await machine.reviews().exportPackage(specId)));
    }
    for (const json of packages) await author.reviews.importPackage(json);
    const threads = await author.reviews.listThreads(author.specId);
    assert.deepEqual(threads.map((x) => x.comments[0].body).sort(), ['from Ola', 'from Sam Reviewer']);
    assert.deepEqual((await author.reviews.roundStatus(author.specId)).reviewers.map((x) => x.verdict), ['approve', 'approve']);

    const newer = JSON.stringify({ ...JSON.parse(base), schemaVersion: 99 });
    await assert.rejects(author.reviews.importPackage(newer), code('PACKAGE_NEWER', /99/));
    await assert.rejects(author.reviews.importPackage('{"format":"specreview"'), code('PACKAGE_INVALID', /not JSON/));
    const tampered = JSON.stringify({ ...JSON.parse(base), spec: { ...JSON.parse(base).spec, markdown: `${MAGIC_LINK}\nchanged` } });
    const fresh = await backend.open(t);
    await assert.rejects(fresh.reviews().importPackage(tampered), code('PACKAGE_INVALID', /does not match its version hash/));
    assert.equal((await author.reviews.listThreads(author.specId)).length, 2, 'nothing imported from a refused package');
  });
}

/** Ids and timestamps differ between runs; everything else must not differ between the dialects. */
function normalised(value: unknown): unknown {
  const ids = new Map<string, string>();
  return JSON.parse(
    JSON.stringify(value)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!ids.has(id)) ids.set(id, `id${ids.size}`);
        return ids.get(id)!;
      })
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'T'),
  );
}

test('the same review script gives the same answers on SQLite and PostgreSQL', async (t) => {
  const answers: unknown[] = [];
  for (const backend of backends) {
    const { reviews, specId } = await reviewedSpec(backend, t);
    const pkg = await reviews.exportPackage(specId);
    const status = await reviews.roundStatus(specId);
    // Hours to the meeting are measured from the clock at the call, seconds apart between the runs.
    assert.ok(status.hoursToMeeting !== null && status.hoursToMeeting > 24);
    answers.push(normalised({ seen: await seen(reviews, specId), status: { ...status, hoursToMeeting: 'later' }, threads: await reviews.listThreads(specId, { includeResolved: true }), pkg: { ...pkg, people: pkg.people.map((p) => p.email) } }));
  }
  assert.deepEqual(answers[1], answers[0]);
});
