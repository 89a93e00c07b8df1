import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from '../../../host/db/migrate.js';
import { DbError } from '../../../host/db/errors.js';
import { openSpecStore, type SpecStore } from '../../../host/store/spec-store.js';
import { sample, tempDir, withAcChange } from '../store/helpers.js';

const all = loadMigrations();

/** A migrations folder holding only the first `n` of ours. */
function firstMigrations(t: Parameters<typeof tempDir>[0], n: number): string {
  const dir = tempDir(t, 'specbench-migrations-');
  for (const m of all.slice(0, n)) copyFileSync(join(defaultMigrationsDir, `${m.name}.sql`), join(dir, `${m.name}.sql`));
  return dir;
}

function appliedNames(store: SpecStore): string[] {
  return (store.connection.prepare('SELECT name FROM schema_migrations ORDER BY version').all() as Array<{ name: string }>).map((r) => r.name);
}

/** Library data every migration must carry over: two specs, three versions, a draft, one trashed spec. */
function seed(store: SpecStore) {
  const first = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' }, author: 'Priya' });
  store.saveVersion({ specId: first.spec.id, markdown: withAcChange(sample('magic-link.md'), 3, 'within 1 s'), author: 'Priya', message: 'tighten AC-3', readiness: 72 });
  store.saveDraft({ specId: first.spec.id, markdown: 'draft text', cursor: { line: 4, column: 2 } });
  const second = store.createSpec({ source: { kind: 'template', template: 'agent-ready', title: 'Rate limits' } });
  store.renameSpec(second.spec.id, 'Rate limiting');
  store.trashSpec(second.spec.id);
  return { first: first.spec.id, second: second.spec.id };
}

function snapshot(store: SpecStore, ids: { first: number; second: number }) {
  return {
    active: store.listSpecs(),
    trashed: store.listSpecs({ state: 'trashed' }),
    versions: store.listVersions(ids.first),
    texts: store.listVersions(ids.first).map((v) => store.getVersion(ids.first, v.number).markdown),
    draft: store.loadDraft(ids.first),
  };
}

test('migration files are numbered 1, 2, 3… and named NNN-name.sql', () => {
  assert.ok(all.length >= 2);
  all.forEach((m, i) => {
    assert.equal(m.version, i + 1);
    assert.match(m.name, /^\d{3}-[a-z0-9-]+$/);
  });
});

test('a gap or a misnamed file in the migrations folder is refused', (t) => {
  const gap = tempDir(t);
  writeFileSync(join(gap, '001-a.sql'), 'CREATE TABLE a (x);');
  writeFileSync(join(gap, '003-c.sql'), 'CREATE TABLE c (x);');
  assert.throws(() => loadMigrations(gap), /without gaps/);
  const misnamed = tempDir(t);
  writeFileSync(join(misnamed, '1_first.sql'), 'CREATE TABLE a (x);');
  assert.throws(() => loadMigrations(misnamed), /NNN-name\.sql/);
});

test('migration 001 creates the library on an empty database', (t) => {
  const store = openSpecStore(tempDir(t), { migrationsDir: firstMigrations(t, 1) });
  t.after(() => store.close());
  assert.deepEqual(appliedNames(store), ['001-library']);
  const ids = seed(store);
  assert.equal(store.listVersions(ids.first).length, 2);
});

// Each migration N (N ≥ 2) is applied to a database at N-1 that holds data, which must survive unchanged.
for (const migration of all.slice(1)) {
  test(`migration ${migration.name} applies on top of ${migration.version - 1} with data in place`, async (t) => {
    const dataDir = tempDir(t);
    const older = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, migration.version - 1) });
    const ids = seed(older);
    const before = snapshot(older, ids);
    older.close();

    const newer = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, migration.version) });
    t.after(() => newer.close());
    assert.deepEqual(appliedNames(newer), all.slice(0, migration.version).map((m) => m.name));
    assert.deepEqual(snapshot(newer, ids), before);
    assert.equal(newer.connection.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(newer.connection.pragma('foreign_key_check'), []);
    await MIGRATION_CHECKS[migration.name]?.(newer, ids, t);
  });
}

/** What each migration adds, exercised on the migrated database. */
const MIGRATION_CHECKS: Record<string, (store: SpecStore, ids: { first: number; second: number }, t: Parameters<typeof tempDir>[0]) => void | Promise<void>> = {
  '002-finding-states': (store, ids) => {
    const head = store.listVersions(ids.first)[0];
    store.setFindingState({ specId: ids.first, contentHash: head.contentHash, findingId: 'ambiguity:FR-2', state: 'dismissed', note: 'intended' });
    store.setFindingState({ specId: ids.first, contentHash: head.contentHash, findingId: 'ambiguity:FR-2', state: 'applied' });
    const rows = store.listFindingStates(ids.first, head.contentHash);
    assert.deepEqual(rows.map((r) => [r.findingId, r.state, r.note]), [['ambiguity:FR-2', 'applied', null]]);
    store.trashSpec(ids.first);
    store.emptyTrash();
    assert.deepEqual(store.listFindingStates(ids.first, head.contentHash), [], 'finding states go with their spec');
  },
  '003-file-links': async (store, ids, t) => {
    // A spec from before the migration is linked to its file, found again by path, and by content once the file moves.
    const dir = tempDir(t, 'specbench-files-');
    const head = store.getSpec(ids.first).head;
    const file = join(dir, 'magic-link.md');
    writeFileSync(file, head.markdown);
    assert.equal(await store.specForFile(file), null);
    await store.saveVersionForFile({ specId: ids.first, markdown: head.markdown }, file);
    assert.equal((await store.specForFile(file))?.spec.id, ids.first);
    renameSync(file, join(dir, 'renamed.md'));
    assert.equal((await store.specForFile(join(dir, 'renamed.md')))?.spec.id, ids.first);
    assert.equal(store.listVersions(ids.first).length, 2, 'linking adds no version for unchanged text');
    store.trashSpec(ids.first);
    store.emptyTrash();
    assert.equal(await store.specForFile(join(dir, 'renamed.md')), null, 'the link goes with its spec');
  },
};

test('a failing migration rolls back completely and names itself', (t) => {
  const dataDir = tempDir(t);
  const migrationsDir = firstMigrations(t, all.length);
  const store = openSpecStore(dataDir, { migrationsDir });
  const ids = seed(store);
  const before = snapshot(store, ids);
  store.close();

  const next = String(all.length + 1).padStart(3, '0');
  writeFileSync(join(migrationsDir, `${next}-broken.sql`), 'CREATE TABLE half_done (x);\nALTER TABLE no_such_table ADD COLUMN y;\n');
  assert.throws(
    () => openSpecStore(dataDir, { migrationsDir }),
    (error: unknown) => error instanceof DbError && error.code === 'DB_MIGRATION_FAILED' && error.message.includes(`${next}-broken`),
  );
  const after = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, all.length) });
  t.after(() => after.close());
  assert.deepEqual(appliedNames(after), all.map((m) => m.name));
  assert.deepEqual(after.connection.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all(), []);
  assert.deepEqual(snapshot(after, ids), before);
});

test('a migrations folder with repeats is refused before the database is touched', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'm'));
  writeFileSync(join(dir, 'm', '001-a.sql'), 'CREATE TABLE a (x);');
  writeFileSync(join(dir, 'm', '001-b.sql'), 'CREATE TABLE b (x);');
  assert.throws(() => openSpecStore(join(dir, 'data'), { migrationsDir: join(dir, 'm') }), /without gaps or repeats/);
});
