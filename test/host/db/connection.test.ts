import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, openSync, readdirSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../host/db/connection.js';
import { loadMigrations } from '../../../host/db/migrate.js';
import { DbError } from '../../../host/db/errors.js';
import { openSpecStore, createSpecStore, DB_FILE_NAME } from '../../../host/store/spec-store.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { dispatch } from '../../../host/handlers/dispatch.js';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHostServices } from '../../../host/services.js';
import { fileSha256, sample, tempDir } from '../store/helpers.js';

// Every migration on disk: these tests hold for whichever migrations the app ships.
const migrations = loadMigrations().map(({ version, name }) => ({ version, name }));

function refusal(fn: () => unknown, code: string): DbError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DbError, `expected a DbError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/** A data folder holding a real Specbench database with one spec. */
function populated(t: Parameters<typeof tempDir>[0]): { dir: string; file: string } {
  const dir = tempDir(t);
  const store = openSpecStore(dir);
  store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  store.close();
  return { dir, file: join(dir, DB_FILE_NAME) };
}

test('a new database is opened with WAL, synchronous=FULL, foreign keys, the busy timeout, and every migration', (t) => {
  const file = join(tempDir(t), 'nested', 'specbench.db');
  const { db, schemaVersion } = openDatabase(file, { busyTimeoutMs: 1234 });
  t.after(() => db.close());
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL is 2');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('busy_timeout', { simple: true }), 1234);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
  assert.deepEqual(applied.slice(0, 2), [
    { version: 1, name: '001-library' },
    { version: 2, name: '002-finding-states' },
  ]);
  assert.deepEqual(applied, migrations);
  assert.equal(schemaVersion, migrations.length);
  assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
});

test('reopening applies nothing twice and keeps the data', (t) => {
  const { dir } = populated(t);
  const store = openSpecStore(dir);
  t.after(() => store.close());
  assert.equal(store.listSpecs().length, 1);
  const count = store.connection.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number };
  assert.equal(count.n, migrations.length);
});

test('AC-7: a database from a newer Specbench is refused with "created by a newer version" and its bytes are unchanged', async (t) => {
  const { dir, file } = populated(t);
  const raw = new Database(file);
  const future = migrations.length + 1;
  raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(future, `${String(future).padStart(3, '0')}-from-the-future`, '2030-01-01T00:00:00.000Z');
  raw.close();
  const before = fileSha256(file);
  const filesBefore = readdirSync(dir).sort();

  const error = refusal(() => openSpecStore(dir), 'DB_NEWER');
  assert.match(error.message, /created by a newer version/);
  assert.ok(error.message.includes(file), 'the message names the file');

  // What the app shows: the lazily opened store reports it on every call, and store.info explains it.
  const store = createSpecStore(dir);
  const ctx: HostContext = { mode: 'browser', version: 'test', dataDir: dir, initialPath: null, dialogs: null, emit: () => undefined, ...createHostServices({ dataDir: dir, emit: () => undefined, store }) };
  const listed = await dispatch(createHandlers(ctx), 'specs.list', {});
  assert.equal(listed.ok, false);
  assert.ok(!listed.ok && listed.error.code === 'DB_NEWER' && /created by a newer version/.test(listed.error.message));
  const info = await dispatch(createHandlers(ctx), 'store.info', {});
  assert.ok(info.ok && (info.value as { error: { code: string } }).error.code === 'DB_NEWER');

  assert.equal(fileSha256(file), before);
  assert.deepEqual(readdirSync(dir).sort(), filesBefore, 'no -wal or -shm left behind');
});

test('a database whose migration history is not a prefix of ours is refused untouched', (t) => {
  const { file } = populated(t);
  const raw = new Database(file);
  raw.prepare("UPDATE schema_migrations SET name = '002-something-else' WHERE version = 2").run();
  raw.close();
  const before = fileSha256(file);
  refusal(() => openDatabase(file), 'DB_MIGRATIONS_MISMATCH');
  assert.equal(fileSha256(file), before);
});

test('a file that is not a database is refused and never overwritten', (t) => {
  const dir = tempDir(t);
  const file = join(dir, DB_FILE_NAME);
  writeFileSync(file, `# Not a database\n${'x'.repeat(5000)}\n`);
  const before = fileSha256(file);
  const error = refusal(() => openDatabase(file), 'DB_CORRUPT');
  assert.match(error.message, /not a database/);
  assert.equal(fileSha256(file), before);
  assert.deepEqual(readdirSync(dir), [DB_FILE_NAME]);

  writeFileSync(file, 'SQLite format 3\0short');
  refusal(() => openDatabase(file), 'DB_CORRUPT');
});

test('a database with damaged pages fails the integrity check, is refused, and keeps its bytes', (t) => {
  const { file } = populated(t);
  // Overwrite the middle of the file (b-tree pages, not the header) with garbage.
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2);
  closeSync(fd);
  const before = fileSha256(file);
  const error = refusal(() => openDatabase(file), 'DB_CORRUPT');
  assert.match(error.message, /restore a backup/);
  assert.equal(fileSha256(file), before);
});

test('an SQLite database of another application is refused untouched', (t) => {
  const file = join(tempDir(t), 'other.db');
  const raw = new Database(file);
  raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
  raw.close();
  const before = fileSha256(file);
  refusal(() => openDatabase(file), 'DB_NOT_SPECBENCH');
  assert.equal(fileSha256(file), before);
});

test('a database locked by another connection beyond the busy timeout fails with DB_LOCKED naming the file, and a retry succeeds', (t) => {
  const dir = tempDir(t);
  const store = openSpecStore(dir, { busyTimeoutMs: 150 });
  t.after(() => store.close());
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } });

  const other = new Database(join(dir, DB_FILE_NAME));
  other.exec('BEGIN IMMEDIATE'); // holds the write lock, as another process saving would
  const started = Date.now();
  const error = refusal(() => store.saveVersion({ specId: spec.id, markdown: `${sample('magic-link-draft.md')}\nedited\n` }), 'DB_LOCKED');
  assert.ok(Date.now() - started >= 140, 'it waited for the busy timeout first');
  assert.ok(error.message.includes(join(dir, DB_FILE_NAME)), error.message);
  assert.match(error.message, /your edit is kept/);
  assert.equal(store.listVersions(spec.id).length, 1, 'readers are not blocked and nothing was written');

  other.exec('ROLLBACK');
  other.close();
  const retried = store.saveVersion({ specId: spec.id, markdown: `${sample('magic-link-draft.md')}\nedited\n` });
  assert.equal(retried.version.number, 2);
});

test('a full disk fails the save with DISK_FULL and leaves the previous versions intact', (t) => {
  const dir = tempDir(t);
  const store = openSpecStore(dir);
  t.after(() => store.close());
  const text = sample('magic-link.md');
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  // Cap the file at its current size: the next page SQLite needs fails exactly as a full disk does.
  const pages = store.connection.pragma('page_count', { simple: true }) as number;
  store.connection.pragma(`max_page_count = ${pages}`);
  const big = `${text}\n${'Lorem ipsum dolor sit amet. '.repeat(20_000)}\n`;
  const error = refusal(() => store.saveVersion({ specId: spec.id, markdown: big }), 'DISK_FULL');
  assert.match(error.message, /full/);
  assert.match(error.message, /earlier versions are intact/);
  assert.equal(store.listVersions(spec.id).length, 1);
  assert.equal(store.getVersion(spec.id, 1).markdown, text);
  assert.equal((store.connection.pragma('integrity_check', { simple: true }) as string), 'ok');

  store.connection.pragma('max_page_count = 1073741823');
  assert.equal(store.saveVersion({ specId: spec.id, markdown: big }).version.number, 2);
});

test('the data folder is created when missing', (t) => {
  const dir = join(tempDir(t), 'a', 'b');
  const store = openSpecStore(dir);
  store.close();
  assert.ok(existsSync(join(dir, DB_FILE_NAME)));
});
