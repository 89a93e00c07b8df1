import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sample, tempDir } from '../store/helpers.js';
import { machine, type Machine } from './harness.js';

const v1 = sample('magic-link.md');
const FR1_WORDS = 'whose JSON body has the shape';

async function setup(t: Parameters<typeof machine>[0]) {
  const author = machine(t, tempDir(t));
  await author.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });
  const { spec } = await author.call('specs.create', { source: { kind: 'markdown', markdown: v1, fileName: 'magic-link.md' } });
  return { author, specId: spec.id };
}

/** The reviewer's own machine: the author's package imported, then their profile set. */
async function reviewerMachine(t: Parameters<typeof machine>[0], author: Machine, specId: number, who: { name: string; email: string }) {
  const m = machine(t, tempDir(t));
  await m.call('profile.set', who);
  const { json } = await author.call('reviewPackage.export', { specId });
  const imported = await m.call('reviewPackage.import', { json });
  return { m, specId: imported.specId };
}

test('AC-2: an approve on version 3 is stale after an FR it covered changes in version 4; an unrelated change leaves it current', async (t) => {
  const { author, specId } = await setup(t);
  await author.call('versions.save', { specId, markdown: v1.replace('## Context\n', '## Context\nDraft two.\n') });
  const v3 = v1.replace('## Context\n', '## Context\nDraft three.\n');
  await author.call('versions.save', { specId, markdown: v3 });
  const { reviewers } = await author.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  await author.call('rounds.request', { specId, reviewerIds: [reviewers[0].person.id] });

  // Sam approves on his own machine, then the author imports his package.
  const sam = await reviewerMachine(t, author, specId, { name: 'Sam Reviewer', email: 'sam@example.com' });
  const { review } = await sam.m.call('reviews.submit', { specId: sam.specId, verdict: 'approve' });
  assert.equal(review.verdict, 'approve');
  await author.call('reviewPackage.import', { json: (await sam.m.call('reviewPackage.export', { specId: sam.specId })).json });

  const current = await author.call('rounds.status', { specId });
  assert.equal(current.headVersion, 3);
  assert.deepEqual(current.reviewers.map((r) => [r.person.email, r.verdict, r.versionNumber, r.stale, r.reRequested]), [['sam@example.com', 'approve', 3, false, false]]);

  // Unrelated change (Context prose) in version 4: still current.
  await author.call('versions.save', { specId, markdown: v3.replace('Draft three.', 'Draft four.') });
  const unrelated = await author.call('rounds.status', { specId });
  assert.deepEqual(unrelated.reviewers.map((r) => [r.stale, r.changed]), [[false, []]]);

  // FR-1 changes in version 5: stale, naming FR-1, and Sam is re-requested.
  await author.call('versions.save', { specId, markdown: v3.replace('Draft three.', 'Draft four.').replace(FR1_WORDS, 'whose JSON body always has the shape') });
  const stale = await author.call('rounds.status', { specId });
  assert.deepEqual(stale.reviewers.map((r) => [r.verdict, r.stale, r.changed, r.reRequested]), [['approve', true, ['FR-1'], true]]);
});

test('a reviewer not in the spec\'s reviewer list cannot submit', async (t) => {
  const { author, specId } = await setup(t);
  const stranger = await reviewerMachine(t, author, specId, { name: 'Eve Outsider', email: 'eve@example.com' });
  const refused = await stranger.m.fail('reviews.submit', { specId: stranger.specId, verdict: 'approve' });
  assert.equal(refused.code, 'NOT_A_REVIEWER');
  assert.match(refused.message, /Eve Outsider <eve@example.com> is not in this spec's reviewer list/);
  assert.equal((await stranger.m.call('rounds.status', { specId: stranger.specId })).reviewers.every((r) => r.verdict === null), true);
});

test('a pending review is private until submitted once with its verdict', async (t) => {
  const { author, specId } = await setup(t);
  await author.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  const sam = await reviewerMachine(t, author, specId, { name: 'Sam Reviewer', email: 'sam@example.com' });
  const at = v1.indexOf('15 minutes');
  const { thread } = await sam.m.call('threads.add', { specId: sam.specId, start: at, end: at + 10, body: 'why 15?', pending: true, severity: 'blocking' });
  assert.equal(thread.pending, true);
  assert.equal((await sam.m.call('reviews.pending', { specId: sam.specId })).review?.threadCount, 1);
  const before = JSON.parse((await sam.m.call('reviewPackage.export', { specId: sam.specId })).json);
  assert.equal(before.threads.length, 0, 'pending threads are not shared');
  await sam.m.call('reviews.submit', { specId: sam.specId, verdict: 'request-changes', body: 'see thread' });
  assert.equal((await sam.m.call('reviews.pending', { specId: sam.specId })).review, null);
  await author.call('reviewPackage.import', { json: (await sam.m.call('reviewPackage.export', { specId: sam.specId })).json });
  const seen = await author.call('threads.list', { specId });
  assert.deepEqual(seen.threads.map((x) => [x.comments[0].body, x.pending, x.createdBy.name]), [['why 15?', false, 'Sam Reviewer']]);
  const status = await author.call('rounds.status', { specId });
  assert.deepEqual([status.openBlocking, status.reviewers[0].verdict], [1, 'request-changes']);
});

test('a review round warns when the meeting is under 48 hours away and counts down', async (t) => {
  const { author, specId } = await setup(t);
  const { reviewers } = await author.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
  const close = await author.call('rounds.request', { specId, reviewerIds: [reviewers[0].person.id], meetingAt: soon });
  assert.match(close.warning ?? '', /meeting is in (19|20) hours: reviewers get less than the 48 hours/);
  const later = new Date(Date.now() + 72 * 3_600_000).toISOString();
  const fine = await author.call('rounds.request', { specId, reviewerIds: [reviewers[0].person.id], meetingAt: later });
  assert.equal(fine.warning, null);
  const status = await author.call('rounds.status', { specId });
  assert.ok(status.hoursToMeeting !== null && status.hoursToMeeting > 71 && status.hoursToMeeting <= 72);
  assert.deepEqual(status.reviewers.map((r) => [r.requested, r.reRequested]), [[true, true]]);
  const unknown = await author.fail('rounds.request', { specId, reviewerIds: ['nobody'] });
  assert.equal(unknown.code, 'NOT_A_REVIEWER');
});

test('AC-3 (host): accepting a suggestion returns one edit of exactly its quote and resolves the thread; changed text disables it', async (t) => {
  const { author, specId } = await setup(t);
  const quote = 'less than 15 minutes after its creation';
  const at = v1.indexOf(quote);
  const { thread } = await author.call('threads.add', { specId, start: at, end: at + quote.length, body: 'be exact', suggestion: 'at most 899 seconds after its creation' });
  assert.equal(thread.suggestion?.canAccept, true);

  const changed = v1.replace(quote, 'less than 15 minutes after creation');
  const listed = (await author.call('threads.list', { specId, markdown: changed })).threads[0];
  assert.deepEqual([listed.suggestion?.canAccept, listed.suggestion?.reason], [false, 'text changed since the suggestion']);
  assert.equal((await author.fail('suggestions.accept', { threadId: thread.id, markdown: changed })).code, 'TEXT_CHANGED');

  const accepted = await author.call('suggestions.accept', { threadId: thread.id, markdown: v1 });
  assert.equal(accepted.markdown, v1.slice(0, at) + 'at most 899 seconds after its creation' + v1.slice(at + quote.length));
  assert.deepEqual(accepted.edit, { start: at, end: at + quote.length, replacement: 'at most 899 seconds after its creation' });
  assert.equal(accepted.thread.status, 'resolved');
  assert.equal(accepted.thread.suggestion?.state, 'accepted');
  assert.equal((await author.fail('suggestions.accept', { threadId: thread.id, markdown: v1 })).code, 'SUGGESTION_CLOSED');
});

test('AC-4: importing one package twice changes nothing; two reviewers\' packages of one version give the union', async (t) => {
  const { author, specId } = await setup(t);
  await author.call('reviewers.add', { specId, name: 'Sam Reviewer', email: 'sam@example.com' });
  await author.call('reviewers.add', { specId, name: 'Ana Reviewer', email: 'ana@example.com' });
  const sam = await reviewerMachine(t, author, specId, { name: 'Sam Reviewer', email: 'sam@example.com' });
  const ana = await reviewerMachine(t, author, specId, { name: 'Ana Reviewer', email: 'ana@example.com' });
  const comment = async (who: typeof sam, quote: string, body: string) => {
    const at = v1.indexOf(quote);
    return (await who.m.call('threads.add', { specId: who.specId, start: at, end: at + quote.length, body })).thread;
  };
  const samThread = await comment(sam, '15 minutes', 'Sam: why 15?');
  await sam.m.call('threads.reply', { threadId: samThread.id, body: 'Sam: and who decides?' });
  await comment(ana, 'crypto.randomBytes(32)', 'Ana: fine');
  await comment(ana, 'RATE_LIMIT_EXCEEDED', 'Ana: which window?');
  await sam.m.call('reviews.submit', { specId: sam.specId, verdict: 'request-changes' });
  await ana.m.call('reviews.submit', { specId: ana.specId, verdict: 'approve' });
  const samPkg = (await sam.m.call('reviewPackage.export', { specId: sam.specId })).json;
  const anaPkg = (await ana.m.call('reviewPackage.export', { specId: ana.specId })).json;

  const count = async () => {
    const threads = (await author.call('threads.list', { specId })).threads;
    return { threads: threads.length, comments: threads.reduce((n, x) => n + x.comments.length, 0) };
  };
  const first = await author.call('reviewPackage.import', { json: samPkg });
  assert.equal(first.specId, specId);
  assert.deepEqual([first.threadsAdded, first.commentsAdded, first.reviewsAdded], [1, 2, 1]);
  const once = await count();
  const again = await author.call('reviewPackage.import', { json: samPkg });
  assert.deepEqual([again.threadsAdded, again.commentsAdded, again.commentsUpdated, again.conflicts, again.reviewsAdded], [0, 0, 0, 0, 0]);
  assert.deepEqual(await count(), once);

  await author.call('reviewPackage.import', { json: anaPkg });
  assert.deepEqual(await count(), { threads: 3, comments: 4 });
  const bodies = (await author.call('threads.list', { specId })).threads.map((x) => x.comments[0].body).sort();
  assert.deepEqual(bodies, ['Ana: fine', 'Ana: which window?', 'Sam: why 15?']);
  const verdicts = (await author.call('rounds.status', { specId })).reviewers.map((r) => [r.person.name, r.verdict]);
  assert.deepEqual(verdicts, [['Sam Reviewer', 'request-changes'], ['Ana Reviewer', 'approve']]);
  // Re-importing Sam's after Ana's still changes nothing.
  await author.call('reviewPackage.import', { json: samPkg });
  assert.deepEqual(await count(), { threads: 3, comments: 4 });
});

test('concurrent edits of one comment keep both with a conflict marker; a later edit fast-forwards; deletion travels', async (t) => {
  const { author, specId } = await setup(t);
  const at = v1.indexOf('15 minutes');
  const { thread } = await author.call('threads.add', { specId, start: at, end: at + 10, body: 'original' });
  const commentId = thread.comments[0].id;
  // Same person on two machines (a laptop and a desktop) edit the same comment differently.
  const other = machine(t, tempDir(t));
  await other.call('profile.set', { name: 'Priya Author', email: 'priya@example.com' });
  const { specId: otherSpec } = await other.call('reviewPackage.import', { json: (await author.call('reviewPackage.export', { specId })).json });
  await other.call('threads.edit', { commentId, body: 'edited on the desktop' });
  const fastForward = await author.call('reviewPackage.import', { json: (await other.call('reviewPackage.export', { specId: otherSpec })).json });
  assert.equal(fastForward.commentsUpdated, 1);
  assert.equal((await author.call('threads.list', { specId })).threads[0].comments[0].body, 'edited on the desktop');

  await author.call('threads.edit', { commentId, body: 'edited on the laptop' });
  await other.call('threads.edit', { commentId, body: 'edited on the desktop, again' });
  const pkg = (await other.call('reviewPackage.export', { specId: otherSpec })).json;
  const merged = await author.call('reviewPackage.import', { json: pkg });
  assert.equal(merged.conflicts, 1);
  const comments = (await author.call('threads.list', { specId })).threads[0].comments;
  assert.deepEqual(comments.map((c) => [c.body, c.conflictOf]), [['edited on the laptop', null], ['edited on the desktop, again', commentId]]);
  await author.call('reviewPackage.import', { json: pkg });
  assert.equal((await author.call('threads.list', { specId })).threads[0].comments.length, 2, 'the conflict copy is not duplicated');

  await other.call('threads.delete', { commentId });
  await author.call('reviewPackage.import', { json: (await other.call('reviewPackage.export', { specId: otherSpec })).json });
  assert.ok((await author.call('threads.list', { specId })).threads[0].comments[0].deletedAt, 'a deletion made later wins');
});

test('a package from a newer schema is refused with both version numbers and imports nothing', async (t) => {
  const { author, specId } = await setup(t);
  const pkg = JSON.parse((await author.call('reviewPackage.export', { specId })).json);
  const target = machine(t, tempDir(t));
  const refused = await target.fail('reviewPackage.import', { json: JSON.stringify({ ...pkg, schemaVersion: 2 }) });
  assert.equal(refused.code, 'PACKAGE_NEWER');
  assert.match(refused.message, /schema 2, newer than the 1 this Specbench reads; nothing was imported/);
  assert.deepEqual((await target.call('specs.list', {})).specs, []);
  assert.equal((await target.fail('reviewPackage.import', { json: '{"format":"x"}' })).code, 'PACKAGE_INVALID');
});
