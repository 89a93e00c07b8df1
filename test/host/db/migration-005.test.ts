import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from '../../../host/db/migrate.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { ReviewThreadService } from '../../../host/review-threads/service.js';
import { sample, tempDir } from '../store/helpers.js';

const all = loadMigrations();
const REVIEW = all.find((m) => m.name === '005-review-threads')!;

function firstMigrations(t: Parameters<typeof tempDir>[0], n: number): string {
  const dir = tempDir(t, 'specbench-migrations-');
  for (const m of all.slice(0, n)) copyFileSync(join(defaultMigrationsDir, `${m.name}.sql`), join(dir, `${m.name}.sql`));
  return dir;
}

test('migration 005-review-threads applies on top of 004 with the library in place, and review threads work on old specs', (t) => {
  assert.ok(REVIEW, 'migration 005 exists');
  const dataDir = tempDir(t);
  const older = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, REVIEW.version - 1) });
  const created = older.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' }, author: 'Priya' });
  older.saveVersion({ specId: created.spec.id, markdown: sample('magic-link.md').replace('## Context\n', '## Context\nMore.\n'), author: 'Priya', message: 'v2' });
  const before = { specs: older.listSpecs(), versions: older.listVersions(created.spec.id) };
  const tablesBefore = older.connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'review_threads'").all();
  assert.deepEqual(tablesBefore, []);
  older.close();

  const newer = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, REVIEW.version) });
  t.after(() => newer.close());
  assert.deepEqual({ specs: newer.listSpecs(), versions: newer.listVersions(created.spec.id) }, before);
  assert.equal(newer.connection.pragma('integrity_check', { simple: true }), 'ok');

  const reviews = new ReviewThreadService(newer);
  reviews.setProfile({ name: 'Priya', email: 'priya@example.com' });
  const head = newer.getSpec(created.spec.id).head;
  const at = head.markdown.indexOf('15 minutes');
  const thread = reviews.addThread({ specId: created.spec.id, start: at, end: at + 10, body: 'why?', severity: 'blocking', pending: false });
  assert.equal(thread.selector.versionNumber, 2);
  assert.equal(reviews.listThreads(created.spec.id)[0].placement.status, 'attached');
  assert.deepEqual(newer.connection.pragma('foreign_key_check'), []);
  // Threads go with their spec when the trash is emptied; people stay.
  newer.trashSpec(created.spec.id);
  newer.emptyTrash();
  assert.deepEqual(newer.connection.prepare('SELECT count(*) AS n FROM review_threads').get(), { n: 0 });
  assert.equal(reviews.getProfile()?.name, 'Priya');
});
