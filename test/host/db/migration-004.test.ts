import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultMigrationsDir, loadMigrations } from '../../../host/db/migrate.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { sample, tempDir } from '../store/helpers.js';

const all = loadMigrations();

function firstMigrations(t: Parameters<typeof tempDir>[0], n: number): string {
  const dir = tempDir(t, 'specbench-migrations-');
  for (const m of all.slice(0, n)) copyFileSync(join(defaultMigrationsDir, `${m.name}.sql`), join(dir, `${m.name}.sql`));
  return dir;
}

test('migration 004 (validation runs) applies on 003 with a spec in place; runs are stored per version content and go with their spec', (t) => {
  const dataDir = tempDir(t);
  const older = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, 3) });
  const created = older.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md'), fileName: 'magic-link.md' }, author: 'Priya' });
  older.close();

  const store = openSpecStore(dataDir, { migrationsDir: firstMigrations(t, 4) });
  t.after(() => store.close());
  const specId = created.spec.id;
  const head = store.listVersions(specId)[0]!;
  assert.equal(store.getSpec(specId).head.markdown, sample('magic-link.md'), 'the spec survived the migration');
  store.recordValidationRun({ specId, contentHash: head.contentHash, target: 'embedded', defect: null, passed: 10, total: 10, mutation: null, results: [{ id: 'AC-1', status: 'passed' }] });
  store.recordValidationRun({ specId, contentHash: head.contentHash, target: 'embedded', defect: null, passed: 10, total: 10, mutation: { killed: 7, total: 12 }, results: [] });
  const runs = store.listValidationRuns(specId, head.contentHash);
  assert.deepEqual(runs.map((r) => [r.passed, r.total, r.mutation]), [[10, 10, { killed: 7, total: 12 }], [10, 10, null]], 'newest first');
  assert.deepEqual(runs[1]!.results, [{ id: 'AC-1', status: 'passed' }]);
  assert.deepEqual(store.listValidationRuns(specId, 'f'.repeat(64)), []);
  assert.throws(() => store.connection.prepare("INSERT INTO validation_runs (spec_id, content_hash, target, passed, total, results_json, created_at) VALUES (?, ?, 'x', 3, 2, '[]', 'now')").run(specId, head.contentHash), /CHECK/);
  store.trashSpec(specId);
  store.emptyTrash();
  assert.equal((store.connection.prepare('SELECT count(*) AS n FROM validation_runs').get() as { n: number }).n, 0, 'runs go with their spec');
});
