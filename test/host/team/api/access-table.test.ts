import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { operationNames, type OperationNameListed } from '../../../../core/contract/operation-names.js';
import { TEAM_ROLES, type TeamRole } from '../../../../core/team/roles.js';
import { renderRolesTable, ROLES_TABLE_BEGIN, ROLES_TABLE_END } from '../../../../core/team/roles-table.js';
import { accessRule } from '../../../../core/team/access-table.js';
import { ComputePool } from '../../../../host/compute/compute-pool.js';
import { addSpecMember, setSpecOwner } from '../../../../host/db/pg/queries/access.js';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { createTeamApi, type TeamApi } from '../../../../host/team/api/team-api.js';
import { createPgEvents } from '../../../../host/team/events/pg-events.js';
import type { RequestActor, TeamEvents } from '../../../../host/team/team-types.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { sampleArgs, type SampleTarget } from './sample-args.js';
import { actorFor, databaseFingerprint, insertBareSpec } from './support.js';

// AC-6 (role × operation half) and NFR-2's role walk: the README's "Team roles" table is read back
// and every cell of it is called against a real PostgreSQL store.

type Cell = '✓' | 'own' | 'invited' | 'own/invited' | '—' | 'n/a';
const CELLS: readonly Cell[] = ['✓', 'own', 'invited', 'own/invited', '—', 'n/a'];

function readmeTable(): Map<string, { scope: string; cells: Record<TeamRole, Cell> }> {
  const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
  const begin = readme.indexOf(ROLES_TABLE_BEGIN);
  const end = readme.indexOf(ROLES_TABLE_END);
  assert.ok(begin >= 0 && end > begin, 'the README has the team-roles markers');
  const lines = readme.slice(begin + ROLES_TABLE_BEGIN.length, end).trim().split('\n');
  const header = lines[0]!.split('|').map((s) => s.trim()).filter(Boolean);
  assert.deepEqual(header, ['Operation', 'Scope', ...TEAM_ROLES]);
  const table = new Map<string, { scope: string; cells: Record<TeamRole, Cell> }>();
  for (const line of lines.slice(2)) {
    const [name, scope, ...cells] = line.split('|').slice(1, -1).map((s) => s.trim());
    const op = name!.replace(/^`|`$/g, '');
    assert.ok(!table.has(op), `${op} appears once in the README table`);
    for (const cell of cells) assert.ok(CELLS.includes(cell as Cell), `${op}: "${cell}" is a known cell`);
    table.set(op, { scope: scope!, cells: Object.fromEntries(TEAM_ROLES.map((role, i) => [role, cells[i] as Cell])) as Record<TeamRole, Cell> });
  }
  return table;
}

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let store: PgStore;
let compute: ComputePool;
let events: TeamEvents;
let api: TeamApi;

before(async () => {
  database = await acquireDatabase('access');
  store = await openPgStore(database.url, { max: 4 });
  compute = new ComputePool({ size: 1 });
  events = await createPgEvents(store.db);
  api = createTeamApi({ store, events, compute, version: 'test' });
});
after(async () => {
  await events.close();
  await compute.dispose();
  await store.close();
  await database.release();
});

test('the README table is the one the access table prints, and lists every contract operation once', () => {
  const table = readmeTable();
  assert.deepEqual([...table.keys()].sort(), [...operationNames].sort());
  const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
  assert.ok(readme.includes(renderRolesTable()), 'README is up to date: run npm run docs:roles');
});

test('every operation has sample arguments for the walk', () => {
  const missing = operationNames.filter((name) => !(name in sampleArgs));
  assert.deepEqual(missing, []);
});

/** A fresh spec owned by `owner` with `invited` invited, so no call of the walk sees another's effects. */
async function freshTarget(owner: RequestActor, invited: RequestActor): Promise<SampleTarget> {
  const specId = await insertBareSpec(store.db);
  await setSpecOwner(store.db, specId, owner.account.id, new Date().toISOString());
  await addSpecMember(store.db, { specId, email: invited.account.email, addedBy: owner.account.id, at: new Date().toISOString() });
  return { specId, threadId: crypto.randomUUID(), commentId: crypto.randomUUID() };
}

/** What the README cell says this caller gets, given whether they own the spec and are invited to it. */
function expected(cell: Cell, relation: { owner: boolean; invited: boolean }): 'allowed' | 'forbidden' | 'not-in-team-mode' {
  if (cell === 'n/a') return 'not-in-team-mode';
  if (cell === '—') return 'forbidden';
  if (cell === '✓') return 'allowed';
  const ok = cell === 'own' ? relation.owner : cell === 'invited' ? relation.invited : relation.owner || relation.invited;
  return ok ? 'allowed' : 'forbidden';
}

async function checkCall(op: OperationNameListed, actor: RequestActor, target: SampleTarget, want: ReturnType<typeof expected>, label: string): Promise<void> {
  const before = want === 'allowed' ? null : await databaseFingerprint(store.db);
  const { status, envelope } = await api.call(actor, op, sampleArgs[op](target));
  const where = `${op} as ${label}: ${JSON.stringify(envelope).slice(0, 300)}`;
  if (want === 'allowed') {
    assert.notEqual(status, 403, where);
    // Valid arguments reached the operation: neither refused as invalid nor as unavailable.
    assert.notEqual(status, 400, where);
    assert.ok(!(!envelope.ok && envelope.error.code === 'NOT_IN_TEAM_MODE'), where);
    return;
  }
  assert.equal(envelope.ok, false, where);
  if (envelope.ok) return;
  if (want === 'forbidden') {
    assert.equal(status, 403, where);
    assert.equal(envelope.error.code, 'FORBIDDEN', where);
    const rule = accessRule(op);
    assert.equal(rule.kind, 'allowed');
    // The refusal names every role that may call it, and the caller's own.
    if (rule.kind === 'allowed') for (const role of rule.roles) assert.match(envelope.error.message, new RegExp(`\\b${role}\\b`), where);
    assert.match(envelope.error.message, new RegExp(`signed in as ${actor.account.role}\\b`), where);
  } else {
    assert.equal(status, 404, where);
    assert.equal(envelope.error.code, 'NOT_IN_TEAM_MODE', where);
  }
  assert.equal(await databaseFingerprint(store.db), before, `${where}: the database is unchanged`);
}

test('every role × operation cell of the README holds against a real PostgreSQL store', async () => {
  const table = readmeTable();
  const author = actorFor('author');
  const reviewer = actorFor('reviewer');
  const actors: Record<TeamRole, RequestActor> = { admin: actorFor('admin'), author, reviewer, productops: actorFor('productops') };
  let calls = 0;
  for (const op of operationNames) {
    const row = table.get(op)!;
    for (const role of TEAM_ROLES) {
      const target = await freshTarget(author, reviewer);
      const relation = { owner: role === 'author', invited: role === 'reviewer' };
      await checkCall(op, actors[role], target, expected(row.cells[role], relation), role);
      calls += 1;
    }
  }
  assert.equal(calls, operationNames.length * TEAM_ROLES.length);
});

test('"own" and "invited" cells refuse the same role without that relation to the spec, and nothing changes', async () => {
  const table = readmeTable();
  const owner = actorFor('author', 'owner');
  const invited = actorFor('reviewer', 'invited');
  const strangers: Partial<Record<TeamRole, RequestActor>> = { author: actorFor('author', 'other-author'), reviewer: actorFor('reviewer', 'uninvited') };
  let checked = 0;
  for (const op of operationNames) {
    const rule = accessRule(op);
    // Thread and comment operations find their spec through the thread; the walk's thread ids name none, so only spec-id operations apply here.
    if (rule.kind !== 'allowed' || rule.scope !== 'spec' || (rule.spec !== 'id' && rule.spec !== 'specId')) continue;
    for (const role of ['author', 'reviewer'] as const) {
      const cell = table.get(op)!.cells[role];
      if (cell === '—') continue;
      await checkCall(op, strangers[role]!, await freshTarget(owner, invited), expected(cell, { owner: false, invited: false }), `${role} without relation`);
      checked += 1;
    }
  }
  assert.ok(checked >= 10, `checked ${checked} relation cells`);
});

test('a reviewer calling an author-only operation gets 403 naming the author role, and the spec keeps its owner', async () => {
  const author = actorFor('author');
  const reviewer = actorFor('reviewer');
  const target = await freshTarget(author, reviewer);
  const before = await databaseFingerprint(store.db);
  const { status, envelope } = await api.call(reviewer, 'versions.save', { specId: target.specId, markdown: '# Taken over\n' });
  assert.equal(status, 403);
  assert.ok(!envelope.ok);
  if (!envelope.ok) {
    assert.equal(envelope.error.code, 'FORBIDDEN');
    assert.match(envelope.error.message, /needs the author role .*or admin; you are signed in as reviewer/);
  }
  assert.equal(await databaseFingerprint(store.db), before);
});

test('unknown operations are 404, bad arguments 400 (after the role check), unavailable paths 404', async () => {
  const author = actorFor('author');
  const reviewer = actorFor('reviewer');
  const target = await freshTarget(author, reviewer);
  const unknown = await api.call(author, 'specs.teleport', {});
  assert.equal(unknown.status, 404);
  assert.ok(!unknown.envelope.ok && unknown.envelope.error.code === 'UNKNOWN_OPERATION');
  const bad = await api.call(author, 'specs.rename', { id: target.specId, title: '' });
  assert.equal(bad.status, 400);
  assert.ok(!bad.envelope.ok && bad.envelope.error.code === 'INVALID_ARGUMENTS' && /title is empty/.test(bad.envelope.error.message));
  // A refused role learns nothing from validation: 403, not 400.
  const refused = await api.call(reviewer, 'specs.rename', { id: target.specId, title: '' });
  assert.equal(refused.status, 403);
  const exportToPath = await api.call(author, 'specs.export', { id: target.specId, path: '/tmp' });
  assert.equal(exportToPath.status, 404);
  assert.ok(!exportToPath.envelope.ok && exportToPath.envelope.error.code === 'NOT_IN_TEAM_MODE' && /download/.test(exportToPath.envelope.error.message));
});

test('reads that need no store answer for the caller: profile.get is the account, app.info says team clients use downloads', async () => {
  const reviewer = actorFor('reviewer');
  const profile = await api.call(reviewer, 'profile.get', {});
  assert.deepEqual(profile, { status: 200, envelope: { ok: true, value: { profile: { id: reviewer.account.id, name: reviewer.account.name, email: reviewer.account.email } } } });
  const info = await api.call(reviewer, 'app.info', {});
  assert.deepEqual(info, { status: 200, envelope: { ok: true, value: { mode: 'browser', version: 'test', nativeDialogs: false, dataDir: '', team: true } } });
});

test('a lost database answers 503 DATABASE_UNAVAILABLE naming the host', async () => {
  const dead = await openPgStore('postgres://nobody:secret@127.0.0.1:9/none', { migrate: false, connectionTimeoutMs: 1000 });
  try {
    const offline = createTeamApi({ store: dead, events, compute });
    const author = actorFor('author');
    const { status, envelope } = await offline.call(author, 'specs.rename', { id: 1, title: 'x' });
    assert.equal(status, 503);
    assert.ok(!envelope.ok && envelope.error.code === 'DATABASE_UNAVAILABLE' && /127\.0\.0\.1/.test(envelope.error.message) && !/secret/.test(envelope.error.message));
  } finally {
    await dead.close();
  }
});

test('a change whose event cannot be published still succeeds, and the failure is reported', async () => {
  const failing: TeamEvents = {
    publish: async () => {
      throw new Error('the event feed is down');
    },
    subscribe: () => () => {},
    close: async () => {},
  };
  const reported: string[] = [];
  // A handler given in deps (the way the server adds presence) publishes, so this needs no repository.
  const withHandler = createTeamApi({
    store,
    events: failing,
    compute,
    onPublishError: (error, event) => reported.push(`${event.name}:${event.specId}:${error instanceof Error ? error.message : ''}`),
    handlers: {
      'threads.reopen': async (ctx) => {
        await ctx.publish('team.threadsChanged', { specId: 7 }, 7);
        return { thread: null as never };
      },
    },
  });
  const author = actorFor('author');
  const { status, envelope } = await withHandler.call(author, 'threads.reopen', { threadId: crypto.randomUUID() });
  assert.equal(status, 200);
  assert.ok(envelope.ok);
  assert.deepEqual(reported, ['team.threadsChanged:7:the event feed is down']);
});
