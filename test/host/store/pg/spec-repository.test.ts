import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { HostError } from '../../../../host/common/host-error.js';
import { openPgStore, type PgStore } from '../../../../host/store/pg/pg-store.js';
import { acquireDatabase } from '../../../embedded-server/support/cluster.js';
import { sample } from '../helpers.js';

/**
 * What only the PostgreSQL spec repository has to prove (the shared behaviour is in
 * test/host/store/contract/): several processes on one database, and text PostgreSQL cannot store.
 */

let database: Awaited<ReturnType<typeof acquireDatabase>>;
let first: PgStore;
let second: PgStore;
before(async () => {
  database = await acquireDatabase('pg_spec_repository');
  // Two pools on one database stand for two `team serve` processes.
  [first, second] = await Promise.all([openPgStore(database.url, { max: 3 }), openPgStore(database.url, { max: 3 })]);
});
after(async () => {
  await first.close();
  await second.close();
  await database.release();
});

test('two processes saving one spec at once number every version once, with no gaps', async () => {
  const text = sample('magic-link.md');
  const { spec } = await first.specs.createSpec({ source: { kind: 'markdown', markdown: text } });
  const saves = Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).specs.saveVersion({ specId: spec.id, markdown: `${text}\nEdit ${i}\n`, readiness: null }));
  const results = await Promise.all(saves);
  assert.deepEqual(results.map((r) => r.version.number).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i + 2));
  // Each version's change summary is against the version before it, whoever saved that one.
  const versions = await second.specs.listVersions(spec.id);
  assert.equal(versions.length, 13);
  assert.ok(versions.slice(0, -1).every((v) => v.changes !== null));
});

test('two processes storing the same new text at once store it once', async () => {
  const markdown = `${sample('audit-log-export.md')}\nShared ${Date.now()}\n`;
  const [a, b] = await Promise.all([first.specs.createSpec({ source: { kind: 'markdown', markdown } }), second.specs.createSpec({ source: { kind: 'markdown', markdown } })]);
  assert.notEqual(a.spec.id, b.spec.id);
  assert.equal(a.version.contentHash, b.version.contentHash);
  const stored = await first.db.one<{ n: number }>('SELECT count(*)::int AS n FROM contents WHERE hash = $1', [a.version.contentHash]);
  assert.equal(stored?.n, 1);
});

test('text with NUL, which PostgreSQL cannot store, is refused by name and nothing is written', async () => {
  const { spec } = await first.specs.createSpec({ source: { kind: 'markdown', markdown: '# Clean\n' } });
  const refused = (what: string) => (error: unknown) => error instanceof HostError && error.code === 'INVALID_TEXT' && error.message.includes(`the ${what} was not saved`) && /NUL/.test(error.message);
  await assert.rejects(first.specs.createSpec({ source: { kind: 'markdown', markdown: '# A\u0000\n' } }), refused('spec'));
  await assert.rejects(first.specs.createSpec({ source: { kind: 'markdown', markdown: '# A\n', title: 'x\u0000' } }), refused('title'));
  await assert.rejects(first.specs.saveVersion({ specId: spec.id, markdown: '# B\u0000\n' }), refused('spec'));
  await assert.rejects(first.specs.saveVersion({ specId: spec.id, markdown: '# B\n', author: 'a\u0000' }), refused('author'));
  await assert.rejects(first.specs.saveDraft({ specId: spec.id, markdown: '\u0000' }), refused('draft'));
  await assert.rejects(first.specs.renameSpec(spec.id, 'a\u0000b'), refused('title'));
  await assert.rejects(first.specs.setFindingState({ specId: spec.id, contentHash: 'a'.repeat(64), findingId: 'f', state: 'open', note: '\u0000' }), refused('note'));
  assert.deepEqual((await first.specs.listVersions(spec.id)).length, 1);
  assert.equal(await first.specs.loadDraft(spec.id), null);
  // Reads with NUL simply find nothing, as nothing stored holds one.
  assert.deepEqual(await first.specs.listSpecs({ titleContains: '\u0000' }), []);
  assert.deepEqual(await first.specs.listFindingStates(spec.id, '\u0000'), []);
  assert.deepEqual(await first.specs.listValidationRuns(spec.id, '\u0000'), []);
});

test('versions and contents stay immutable in the database itself', async () => {
  const { version } = await first.specs.createSpec({ source: { kind: 'markdown', markdown: '# Fixed\n' } });
  await assert.rejects(first.db.rows("UPDATE versions SET message = 'rewritten' WHERE id = $1", [version.id]), /versions are immutable/);
  await assert.rejects(first.db.rows("UPDATE contents SET markdown = 'x' WHERE hash = $1", [version.contentHash]), /contents are immutable/);
});
