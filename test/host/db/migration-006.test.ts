import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from '../../../host/db/migrate.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { DecisionStore } from '../../../host/store/decisions.js';
import { sample, tempDir } from '../store/helpers.js';

const all = loadMigrations();
const index = all.findIndex((m) => m.name === '006-decisions');

function firstMigrations(t: Parameters<typeof tempDir>[0], n: number): string {
  const dir = tempDir(t, 'specbench-migrations-');
  for (const m of all.slice(0, n)) copyFileSync(join(defaultMigrationsDir, `${m.name}.sql`), join(dir, `${m.name}.sql`));
  return dir;
}

test('migration 006-decisions applies on top of 005 with library data in place, and its tables work', (t) => {
  assert.equal(index, 5, '006-decisions is the sixth migration');
  const dataDir = tempDir(t);
  const older = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, 5) });
  const spec = older.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' }, author: 'Priya' });
  const before = { list: older.listSpecs(), versions: older.listVersions(spec.spec.id) };
  older.close();

  const newer = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, 6) });
  t.after(() => newer.close());
  assert.deepEqual({ list: newer.listSpecs(), versions: newer.listVersions(spec.spec.id) }, before);
  assert.equal(newer.connection.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(newer.connection.pragma('foreign_key_check'), []);

  const d = new DecisionStore(newer);
  d.addTransition({ specId: spec.spec.id, state: 'approved', at: '2026-11-02T09:00:00.000Z', actor: 'Lena' });
  assert.deepEqual(d.transitions(spec.spec.id).map((x) => [x.state, x.actor, x.source]), [['approved', 'Lena', 'manual']]);
  const log = d.ensureLog('main');
  const adr = d.insertAdr({ logId: log.id, number: 1, fileName: '0001-a.md', title: 'A', status: 'proposed', date: '2026-11-02', text: 'v1', actor: 'Lena' });
  d.updateAdr(adr.id, { number: 1, fileName: '0001-a.md', title: 'A', status: 'accepted', date: '2026-11-02', text: 'v2' }, 'Omar');
  const detail = d.getAdr(adr.id);
  assert.deepEqual(detail.revisions.map((r) => r.text), ['v1', 'v2'], 'an edit keeps the earlier text');
  assert.deepEqual(detail.statusChanges.map((c) => [c.from, c.to, c.actor]), [[null, 'proposed', 'Lena'], ['proposed', 'accepted', 'Omar']]);
  // Nothing is deleted by an edit: a DELETE without an explicit deletion first is refused, and revisions never change.
  assert.throws(() => newer.connection.prepare('DELETE FROM adrs WHERE id = ?').run(adr.id), /deleted explicitly/);
  assert.throws(() => newer.connection.prepare("UPDATE adr_revisions SET text = 'x'").run(), /immutable/);
  d.setAdrDeleted(adr.id, true);
  assert.deepEqual(d.listAdrs().map((a) => a.id), []);
  d.setAdrDeleted(adr.id, false);
  assert.deepEqual(d.listAdrs().map((a) => a.id), [adr.id], 'undo brings it back');
});
