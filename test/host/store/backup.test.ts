import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSpecStore, createSpecStore, DB_FILE_NAME } from '../../../host/store/spec-store.js';
import { fileSha256, sample, tempDir, withAcChange } from './helpers.js';

test('backup writes a consistent copy while another connection keeps saving', async (t) => {
  const dir = tempDir(t);
  const app = openSpecStore(dir);
  const cli = openSpecStore(dir); // `specbench backup` runs in its own process while the app is open
  t.after(() => {
    app.close();
    cli.close();
  });
  const text = sample('magic-link.md');
  const { spec } = app.createSpec({ source: { kind: 'markdown', markdown: text } });
  for (let i = 1; i <= 20; i++) app.saveVersion({ specId: spec.id, markdown: `${text}\n${'padding '.repeat(2000)}${i}\n` });

  const target = join(tempDir(t), 'copy.db');
  const backup = cli.backup(target);
  // Writes while the backup steps run; the backup API restarts or includes them, never tears.
  for (let i = 21; i <= 30; i++) {
    app.saveVersion({ specId: spec.id, markdown: `${text}\n${i}\n` });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = await backup;
  assert.equal(result.path, target);
  assert.ok(result.bytes > 0);
  assert.equal(existsSync(`${target}.partial`), false);

  const copy = new Database(target, { readonly: true });
  t.after(() => copy.close());
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
  const count = (copy.prepare('SELECT count(*) AS n FROM versions').get() as { n: number }).n;
  assert.ok(count >= 21 && count <= 31, `the copy holds a committed state (${count} versions)`);

  await assert.rejects(cli.backup(target), (e: Error & { code?: string }) => e.code === 'BACKUP_EXISTS');
});

test('default backups go to <data>/backups and are listed newest first', async (t) => {
  const dir = tempDir(t);
  const store = openSpecStore(dir);
  t.after(() => store.close());
  store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } });
  const first = await store.backup();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const second = await store.backup();
  assert.ok(first.path.startsWith(join(dir, 'backups')));
  assert.deepEqual((await store.listBackups()).map((b) => b.path), [second.path, first.path]);
});

test('a corrupt database is refused, store.info offers the backups, and restoring one moves the damaged file aside untouched', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, DB_FILE_NAME);
  const store = openSpecStore(dir);
  const text = sample('magic-link.md');
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  const backup = await store.backup();
  store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 1, 'after the backup') });
  store.close();

  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
  closeSync(fd);
  const damaged = fileSha256(file);

  const app = createSpecStore(dir);
  t.after(() => app.close());
  const info = await app.info();
  assert.equal(info.error?.code, 'DB_CORRUPT');
  assert.deepEqual(info.backups.map((b) => b.path), [backup.path]);
  assert.throws(() => app.listSpecs(), (e: Error & { code?: string }) => e.code === 'DB_CORRUPT');
  assert.equal(fileSha256(file), damaged, 'never overwritten by a failed open');

  const restored = await app.restoreBackup(backup.path);
  assert.equal(restored.restoredFrom, backup.path);
  assert.equal(restored.movedAside.length, 1);
  assert.equal(fileSha256(restored.movedAside[0]), damaged, 'the damaged file is kept, byte for byte');
  assert.deepEqual(app.listVersions(spec.id).map((v) => v.number), [1]);
  assert.equal(app.getVersion(spec.id, 1).markdown, text);
  assert.equal((await app.info()).error, null);
});

test('restoring something that is not a usable backup changes nothing', async (t) => {
  const dir = tempDir(t);
  const store = openSpecStore(dir);
  t.after(() => store.close());
  store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  const bogus = join(tempDir(t), 'bogus.db');
  writeFileSync(bogus, 'not a database at all, just text long enough to have a header of a hundred bytes or more............');
  await assert.rejects(store.restoreBackup(bogus), (e: Error & { code?: string }) => e.code === 'BACKUP_INVALID' && /not a database/.test(e.message));
  await assert.rejects(store.restoreBackup(join(dir, 'missing.db')), /no such backup/);
  assert.equal(store.listSpecs().length, 1);
});
