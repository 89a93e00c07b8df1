import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from './backends.js';
import { AC4_PHRASE, AUTHOR, authorWithSpec, code, FR8_PHRASE, MAGIC_LINK, range, SAM } from './reviews-support.js';

/** Anchored threads, comments and suggestions of the review repository, once per dialect (issue 15 FR-1, AC-1). */

for (const backend of backends) {
  test(`${backend.name}: addThread anchors a comment to its requirement and quote, with its severity, author and first comment`, async (t) => {
    const { reviews, specId, store } = await authorWithSpec(backend, t);
    const head = (await store.specs.getSpec(specId)).head;
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'Which status when two requests race?', severity: 'blocking', pending: false });
    assert.equal(thread.kind, 'comment');
    assert.equal(thread.severity, 'blocking');
    assert.equal(thread.status, 'open');
    assert.equal(thread.pending, false);
    assert.equal(thread.suggestion, null);
    assert.deepEqual(thread.createdBy, { ...AUTHOR, id: thread.createdBy.id });
    assert.deepEqual(
      [thread.selector.requirementId, thread.selector.exact, thread.selector.versionHash, thread.selector.versionNumber],
      ['AC-4', AC4_PHRASE, head.contentHash, 1],
    );
    assert.deepEqual(thread.placement, { status: 'attached', ...range(MAGIC_LINK, AC4_PHRASE), requirementId: 'AC-4', method: 'id', section: 'Acceptance Criteria' });
    assert.deepEqual(thread.comments.map((c) => [c.body, c.author.email, c.editedAt, c.deletedAt]), [['Which status when two requests race?', AUTHOR.email, null, null]]);

    const question = await reviews.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 'why 15?', severity: 'question', pending: false });
    const listed = await reviews.listThreads(specId);
    assert.deepEqual(listed.map((x) => [x.id, x.severity, x.selector.requirementId]), [[thread.id, 'blocking', 'AC-4'], [question.id, 'question', 'FR-8']]);
  });

  test(`${backend.name}: a suggestion carries its replacement; accepting replaces exactly its quote and resolves the thread, once`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 'shorter window', severity: 'non-blocking', suggestion: '10 minutes have passed', pending: false });
    assert.equal(thread.kind, 'suggestion');
    assert.deepEqual(thread.suggestion, { text: '10 minutes have passed', state: 'open', canAccept: true, reason: null });

    const accepted = await reviews.acceptSuggestion(thread.id, MAGIC_LINK);
    assert.equal(accepted.markdown, MAGIC_LINK.replace(FR8_PHRASE, '10 minutes have passed'));
    assert.deepEqual(accepted.edit, { ...range(MAGIC_LINK, FR8_PHRASE), replacement: '10 minutes have passed' });
    assert.equal(accepted.thread.status, 'resolved');
    assert.equal(accepted.thread.suggestion?.state, 'accepted');
    await assert.rejects(reviews.acceptSuggestion(thread.id, MAGIC_LINK), code('SUGGESTION_CLOSED', /already accepted/));
    await assert.rejects(reviews.rejectSuggestion(thread.id), code('SUGGESTION_CLOSED'));
    assert.deepEqual(await reviews.listThreads(specId), [], 'resolved threads are hidden by default');
  });

  test(`${backend.name}: rejecting a suggestion keeps the thread open; a comment is not a suggestion; changed text refuses accept`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const suggestion = await reviews.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 's', severity: 'non-blocking', suggestion: '10 minutes have passed', pending: false });
    const comment = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'c', severity: 'non-blocking', pending: false });
    await assert.rejects(reviews.acceptSuggestion(comment.id, MAGIC_LINK), code('NOT_A_SUGGESTION'));
    await assert.rejects(reviews.rejectSuggestion(comment.id), code('NOT_A_SUGGESTION'));

    const edited = MAGIC_LINK.replace(FR8_PHRASE, 'a quarter hour has gone by');
    await assert.rejects(reviews.acceptSuggestion(suggestion.id, edited), code('SUGGESTION_OUTDATED'));
    const listedInEdit = (await reviews.listThreads(specId, { markdown: edited })).find((x) => x.id === suggestion.id);
    assert.equal(listedInEdit?.suggestion?.canAccept, false);

    const rejected = await reviews.rejectSuggestion(suggestion.id);
    assert.deepEqual([rejected.status, rejected.suggestion?.state, rejected.suggestion?.canAccept], ['open', 'rejected', false]);
  });

  test(`${backend.name}: replies, edits and @mentions; only a comment's author edits, deletes or restores it`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    await reviews.addReviewer(specId, SAM);
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'first', severity: 'non-blocking', pending: false });
    const replied = await reviews.reply(thread.id, 'what do you think, @sam@example.com?');
    assert.deepEqual(replied.comments.map((c) => c.body), ['first', 'what do you think, @sam@example.com?']);
    assert.deepEqual(replied.mentions, [(await reviews.listReviewers(specId))[0].person.id]);

    const edited = await reviews.editComment(thread.comments[0].id, 'first, reworded');
    assert.equal(edited.comments[0].body, 'first, reworded');
    assert.notEqual(edited.comments[0].editedAt, null);

    // The same installation used by Sam (a known email switches the profile to him).
    await reviews.setProfile(SAM);
    await assert.rejects(reviews.editComment(thread.comments[0].id, 'hijacked'), code('NOT_YOUR_COMMENT', /only the author of a comment can edit it; this one is by Priya Author/));
    await assert.rejects(reviews.deleteComment(thread.comments[0].id), code('NOT_YOUR_COMMENT', /can delete it/));
    const samReply = await reviews.reply(thread.id, 'fine by me');
    assert.equal(samReply.comments[2].author.email, SAM.email);
    await reviews.setProfile(AUTHOR);
    assert.equal((await reviews.listThreads(specId))[0].comments[0].body, 'first, reworded', 'nothing changed');
  });

  test(`${backend.name}: delete leaves a tombstone that undo brings back; a deleted comment cannot be edited`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'to be deleted', severity: 'question', pending: false });
    const commentId = thread.comments[0].id;
    const deleted = await reviews.deleteComment(commentId);
    assert.notEqual(deleted.comments[0].deletedAt, null);
    assert.equal(deleted.comments[0].deletedBy, thread.createdBy.id);
    assert.equal(deleted.comments[0].body, 'to be deleted', 'the body is kept for undo');
    await assert.rejects(reviews.editComment(commentId, 'x'), code('COMMENT_DELETED'));
    const again = await reviews.deleteComment(commentId);
    assert.equal(again.comments[0].deletedAt, deleted.comments[0].deletedAt, 'deleting twice changes nothing');
    const restored = await reviews.undoDeleteComment(commentId);
    assert.deepEqual([restored.comments[0].deletedAt, restored.comments[0].deletedBy, restored.comments[0].body], [null, null, 'to be deleted']);
  });

  test(`${backend.name}: resolve hides a thread unless resolved ones are asked for; reopen shows it again`, async (t) => {
    const { reviews, specId } = await authorWithSpec(backend, t);
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'b', severity: 'blocking', pending: false });
    const resolved = await reviews.resolve(thread.id);
    assert.deepEqual([resolved.status, resolved.statusBy], ['resolved', thread.createdBy.id]);
    assert.deepEqual(await reviews.listThreads(specId), []);
    assert.deepEqual((await reviews.listThreads(specId, { includeResolved: true })).map((x) => x.status), ['resolved']);
    const reopened = await reviews.reopen(thread.id);
    assert.equal(reopened.status, 'open');
    assert.deepEqual((await reviews.listThreads(specId)).map((x) => x.id), [thread.id]);
  });

  test(`${backend.name}: threads follow their text into a new version and show outdated, with their quote, when it is deleted`, async (t) => {
    const { reviews, specId, store } = await authorWithSpec(backend, t);
    const thread = await reviews.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'race?', severity: 'blocking', pending: false });
    const v2 = MAGIC_LINK.replace('Given a magic_link_tokens row whose used_at', 'Given one stored magic_link_tokens row whose used_at');
    await store.specs.saveVersion({ specId, markdown: v2 });
    const [moved] = await reviews.listThreads(specId);
    assert.equal(moved.placement.status, 'attached');
    assert.equal(moved.placement.status === 'attached' && v2.slice(moved.placement.start, moved.placement.end), AC4_PHRASE);

    await store.specs.saveVersion({ specId, markdown: v2.replace(`whose ${AC4_PHRASE}`, 'that was verified before') });
    const [outdated] = await reviews.listThreads(specId);
    assert.deepEqual(outdated.placement, { status: 'outdated', reason: 'not-found' });
    assert.deepEqual([outdated.id, outdated.selector.exact, outdated.selector.versionNumber, outdated.comments[0].body], [thread.id, AC4_PHRASE, 1, 'race?']);
    const status = await reviews.roundStatus(specId);
    assert.deepEqual([status.openThreads, status.openBlocking, status.outdated], [1, 1, 1]);
  });

  test(`${backend.name}: errors name what is wrong — no profile, unknown spec, thread or comment, a blank or out-of-range selection`, async (t) => {
    const store = await backend.open(t);
    const reviews = store.reviews();
    const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: MAGIC_LINK, fileName: 'magic-link.md' } });
    assert.equal(await reviews.getProfile(), null);
    assert.equal(await reviews.profileName(), null);
    await assert.rejects(reviews.addThread({ specId: spec.id, ...range(MAGIC_LINK, AC4_PHRASE), body: 'b', severity: 'blocking', pending: false }), code('PROFILE_REQUIRED', /set your name and email first/));
    await reviews.setProfile(AUTHOR);
    await assert.rejects(reviews.addThread({ specId: spec.id + 1000, start: 0, end: 5, body: 'b', severity: 'blocking', pending: false }), code('NOT_FOUND'));
    await assert.rejects(reviews.listThreads(spec.id + 1000), code('NOT_FOUND'));
    const blank = MAGIC_LINK.indexOf('\n\n');
    await assert.rejects(reviews.addThread({ specId: spec.id, start: blank, end: blank + 2, body: 'b', severity: 'blocking', pending: false }), code('INVALID_ARGUMENTS', /blank/));
    await assert.rejects(reviews.addThread({ specId: spec.id, start: 0, end: MAGIC_LINK.length + 1, body: 'b', severity: 'blocking', pending: false }), code('INVALID_ARGUMENTS', /outside the text/));
    const missing = '00000000-0000-4000-8000-000000000000';
    await assert.rejects(reviews.reply(missing, 'x'), code('NOT_FOUND', /thread .* does not exist/));
    await assert.rejects(reviews.resolve(missing), code('NOT_FOUND'));
    await assert.rejects(reviews.reopen(missing), code('NOT_FOUND'));
    await assert.rejects(reviews.acceptSuggestion(missing, MAGIC_LINK), code('NOT_FOUND'));
    await assert.rejects(reviews.rejectSuggestion(missing), code('NOT_FOUND'));
    await assert.rejects(reviews.editComment(missing, 'x'), code('NOT_FOUND', /comment .* does not exist/));
    await assert.rejects(reviews.deleteComment(missing), code('NOT_FOUND'));
    await assert.rejects(reviews.undoDeleteComment(missing), code('NOT_FOUND'));
    assert.deepEqual(await reviews.listThreads(spec.id), [], 'no failed call left a thread behind');
  });
}
