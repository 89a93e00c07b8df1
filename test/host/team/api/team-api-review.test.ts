// ENABLE AFTER MERGE (issue 15): rename to `*.test.ts` once the PostgreSQL spec repository
// (branch pg-specs) and review repository (branch pg-reviews) are merged; on this branch they are
// placeholders answering NOT_IMPLEMENTED. Verified passing against pg-specs 7296943 + pg-reviews
// 3b2afa7 applied onto this branch. It drives the team API's handlers end to end: ownership from
// specs.create, membership from reviewers.add, thread- and comment-located access checks, the
// author recorded from the session, drafts hidden from non-owners, and the live events published.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ComputePool } from '../../../../host/compute/compute-pool.js';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { createTeamApi, type TeamApi } from '../../../../host/team/api/team-api.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import type { TeamEvent, TeamEvents } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { actorFor } from './support.js';

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let store: PgStore; let compute: ComputePool; let events: TeamEvents; let api: TeamApi;
const seen: TeamEvent[] = [];
before(async () => {
  database = await acquireDatabase('scratchr');
  store = await openPgStore(database.url, { max: 4 });
  compute = new ComputePool({ size: 1 });
  events = await createPgEvents(store.db);
  events.subscribe((e) => seen.push(e));
  api = createTeamApi({ store, events, compute, version: 't' });
});
after(async () => { await events.close(); await compute.dispose(); await store.close(); await database.release(); });

const v = (r: any) => { assert.equal(r.status, 200, JSON.stringify(r).slice(0, 400)); assert.ok(r.envelope.ok, JSON.stringify(r).slice(0, 400)); return r.envelope.value; };

test('review flow over the real repositories', async () => {
  const author = actorFor('author'); const reviewer = actorFor('reviewer'); const stranger = actorFor('reviewer', 'stranger'); const other = actorFor('author', 'other'); const ops = actorFor('productops');
  const md = '# Sign-in\n\n## Scope\n\nMagic link.\n';
  const spec = v(await api.call(author, 'specs.create', { source: { kind: 'markdown', markdown: md } })).spec;
  v(await api.call(author, 'reviewers.add', { specId: spec.id, name: reviewer.account.name, email: reviewer.account.email.toUpperCase() }));
  const { thread } = v(await api.call(reviewer, 'threads.add', { specId: spec.id, start: 2, end: 9, body: 'Which sign-in?', suggestion: 'Log-in' }));
  assert.deepEqual(seen.at(-1)!.name, 'team.threadsChanged');
  assert.deepEqual(seen.at(-1)!.payload, { specId: spec.id });
  assert.equal((await api.call(stranger, 'threads.add', { specId: spec.id, start: 2, end: 9, body: 'x' })).status, 403);
  assert.equal((await api.call(ops, 'threads.add', { specId: spec.id, start: 2, end: 9, body: 'x' })).status, 403);
  assert.equal((await api.call(other, 'threads.reply', { threadId: thread.id, body: 'me too' })).status, 403, 'thread-located relation');
  assert.equal((await api.call(stranger, 'threads.reply', { threadId: thread.id, body: 'me too' })).status, 403);
  v(await api.call(author, 'threads.reply', { threadId: thread.id, body: 'Magic link.' }));
  const commentId = thread.comments[0].id;
  assert.equal((await api.call(stranger, 'threads.edit', { commentId, body: 'edited' })).status, 403, 'comment-located relation');
  v(await api.call(reviewer, 'threads.edit', { commentId, body: 'Which sign-in, really?' }));
  assert.equal((await api.call(reviewer, 'suggestions.accept', { threadId: thread.id, markdown: md })).status, 403);
  v(await api.call(reviewer, 'reviews.submit', { specId: spec.id, verdict: 'approve' }));
  assert.ok(seen.some((e) => e.name === 'team.reviewSubmitted'));
  assert.equal((await api.call(author, 'reviews.submit', { specId: spec.id, verdict: 'approve' })).status, 403);
  v(await api.call(author, 'suggestions.accept', { threadId: thread.id, markdown: md }));
  const pkg = v(await api.call(reviewer, 'reviewPackage.export', { specId: spec.id }));
  assert.equal(pkg.threads, 1);
  const status = v(await api.call(ops, 'rounds.status', { specId: spec.id }));
  assert.equal(status.reviewers.length, 1);
  const threads = v(await api.call(ops, 'threads.list', { specId: spec.id }));
  assert.equal(threads.threads.length, 1);
  for (const e of seen) assert.ok(e.by?.accountId, 'by is set');
});
