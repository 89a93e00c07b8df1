import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresBackend } from './backends.js';
import { AC4_PHRASE, code, FR8_PHRASE, MAGIC_LINK, range } from './reviews-support.js';

/**
 * The review repository on the team server (issue 15 FR-1): acting as a signed-in account, and
 * several requests at once. Only the PostgreSQL store has accounts and concurrent processes;
 * SQLite acts as its local profile and ignores the actor, which the other contract files cover on
 * both dialects.
 */

const ANA = { id: 'acct-ana', name: 'Ana Author', email: 'ana@example.com' };
const REZA = { id: 'acct-reza', name: 'Reza Reviewer', email: 'reza@example.com' };

async function teamStore(t: Parameters<typeof postgresBackend.open>[0]) {
  const store = await postgresBackend.open(t);
  const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: MAGIC_LINK, fileName: 'magic-link.md' } });
  return { store, specId: spec.id };
}

test('postgres: each account acts as itself without setting a profile; a reviewer added by email becomes that account when it signs in', async (t) => {
  const { store, specId } = await teamStore(t);
  const ana = store.reviews(ANA);
  assert.deepEqual(await ana.getProfile(), ANA);
  assert.equal(await ana.profileName(), ANA.name);
  // Reza is invited by email before his account has ever acted: a person with a random id.
  const [invited] = await ana.addReviewer(specId, { name: 'Reza (invited)', email: 'REZA@example.com' });
  assert.notEqual(invited.person.id, REZA.id);
  const thread = await ana.addThread({ specId, ...range(MAGIC_LINK, AC4_PHRASE), body: 'please check', severity: 'blocking', pending: false });
  await ana.requestRound(specId, [invited.person.id]);

  const reza = store.reviews(REZA);
  assert.deepEqual(await reza.getProfile(), REZA, 'the invited person is now the account, with its name');
  assert.deepEqual((await ana.listReviewers(specId)).map((x) => [x.person.id, x.person.name]), [[REZA.id, REZA.name]]);
  assert.deepEqual((await ana.roundStatus(specId)).round?.reviewerIds, [REZA.id], 'references followed the new id');

  await assert.rejects(reza.editComment(thread.comments[0].id, 'mine now'), code('NOT_YOUR_COMMENT', /this one is by Ana Author/));
  const replied = await reza.reply(thread.id, 'looks racy');
  assert.deepEqual(replied.comments.map((c) => [c.author.id, c.body]), [[ANA.id, 'please check'], [REZA.id, 'looks racy']]);

  await reza.addThread({ specId, ...range(MAGIC_LINK, FR8_PHRASE), body: 'why 15?', severity: 'question', pending: true });
  assert.equal((await ana.listThreads(specId)).length, 1, "Reza's pending thread is private");
  assert.equal(await ana.pendingReview(specId), null);
  assert.equal((await reza.pendingReview(specId))?.threadCount, 1);
  await reza.submitReview(specId, 'request-changes', 'two issues');
  assert.equal((await ana.listThreads(specId)).length, 2);
  assert.deepEqual((await ana.roundStatus(specId)).reviewers.map((x) => [x.person.id, x.verdict, x.reRequested]), [[REZA.id, 'request-changes', false]]);
  await assert.rejects(ana.submitReview(specId, 'approve'), code('NOT_A_REVIEWER', /Ana Author <ana@example.com>/));
  assert.equal(await store.reviews().getProfile(), null, 'accounts do not set the stored profile');
});

test("postgres: an account's setProfile renames it, and may not take another person's address", async (t) => {
  const { store, specId } = await teamStore(t);
  const ana = store.reviews(ANA);
  await ana.addReviewer(specId, { name: 'Reza', email: REZA.email });
  assert.deepEqual(await ana.setProfile({ name: 'Ana B. Author', email: 'ana.b@example.com' }), { id: ANA.id, name: 'Ana B. Author', email: 'ana.b@example.com' });
  assert.deepEqual(await store.reviews(ANA).getProfile(), { id: ANA.id, name: 'Ana B. Author', email: 'ana.b@example.com' }, 'kept for the next request');
  await assert.rejects(ana.setProfile({ name: 'Ana', email: REZA.email }), code('EMAIL_TAKEN', /reza@example.com is already the address of Reza/));
  assert.equal((await ana.getProfile())?.email, 'ana.b@example.com');
});

test('postgres: concurrent first actions of one account make one person and one pending review', async (t) => {
  const { store, specId } = await teamStore(t);
  await store.reviews(ANA).addReviewer(specId, REZA);
  const spot = range(MAGIC_LINK, AC4_PHRASE);
  // Separate repositories, as separate requests of the team server would have.
  const added = await Promise.all(
    Array.from({ length: 12 }, (_, i) => store.reviews(REZA).addThread({ specId, ...spot, body: `note ${i}`, severity: 'non-blocking', pending: true })),
  );
  assert.equal(new Set(added.map((x) => x.id)).size, 12);
  const pending = await store.reviews(REZA).pendingReview(specId);
  assert.equal(pending?.threadCount, 12);
  assert.equal(pending?.reviewer.id, REZA.id);
  assert.deepEqual((await store.reviews(ANA).listReviewers(specId)).map((x) => x.person.id), [REZA.id]);
});

test('postgres: one package imported by several requests at once adds every thread and comment once', async (t) => {
  const { store, specId } = await teamStore(t);
  const ana = store.reviews(ANA);
  await ana.addReviewer(specId, REZA);
  for (const phrase of [AC4_PHRASE, FR8_PHRASE]) {
    const thread = await ana.addThread({ specId, ...range(MAGIC_LINK, phrase), body: `on ${phrase}`, severity: 'blocking', pending: false });
    await ana.reply(thread.id, 'and a reply');
  }
  const json = JSON.stringify(await ana.exportPackage(specId));
  // A second team store on a reviewer's laptop would send this package; here the spec exists, so
  // every import merges into it.
  const other = await postgresBackend.open(t);
  const { specId: otherSpec } = await other.reviews().importPackage(json);
  const otherJson = JSON.stringify(await other.reviews().exportPackage(otherSpec));
  await store.reviews().importPackage(otherJson);
  const results = await Promise.all(Array.from({ length: 6 }, () => store.reviews(REZA).importPackage(otherJson)));
  assert.deepEqual(results.map((r) => r.specId), Array(6).fill(specId));
  assert.deepEqual(results.map((r) => r.threadsAdded + r.commentsAdded + r.conflicts), Array(6).fill(0), 'nothing new: the threads came from here');
  const threads = await ana.listThreads(specId);
  assert.deepEqual(threads.map((x) => x.comments.map((c) => c.body)), [[`on ${AC4_PHRASE}`, 'and a reply'], [`on ${FR8_PHRASE}`, 'and a reply']]);

  // New threads from another store, imported by six requests at once: added exactly once.
  const [laptopThread] = await other.reviews().listThreads(otherSpec);
  await other.reviews().setProfile(REZA);
  await other.reviews().reply(laptopThread.id, 'from the laptop');
  await other.reviews().addThread({ specId: otherSpec, ...range(MAGIC_LINK, 'HttpOnly'), body: 'cookie flags?', severity: 'question', pending: false });
  const fresh = JSON.stringify(await other.reviews().exportPackage(otherSpec));
  const merged = await Promise.all(Array.from({ length: 6 }, () => store.reviews(ANA).importPackage(fresh)));
  assert.equal(merged.reduce((n, r) => n + r.threadsAdded, 0), 1);
  assert.equal(merged.reduce((n, r) => n + r.commentsAdded, 0), 2);
  const after = await ana.listThreads(specId);
  assert.equal(after.length, 3);
  assert.equal(after.flatMap((x) => x.comments).length, 6, 'no comment lost or duplicated');
});
