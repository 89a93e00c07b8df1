import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeLinesOf } from '../../../core/diff/describe.js';
import { HostError } from '../../../host/common/host-error.js';
import { lintSpec } from '../../../core/lint/index.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { sample, tempDir, tempStore, withAcChange } from './helpers.js';

const text = sample('magic-link.md');

test('AC-1: a spec saved twice with identical content has one version', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  const again = store.saveVersion({ specId: spec.id, markdown: text, message: 'no change' });
  const third = store.saveVersion({ specId: spec.id, markdown: text });
  assert.equal(again.created, false);
  assert.equal(third.created, false);
  assert.equal(again.version.number, 1);
  assert.deepEqual(store.listVersions(spec.id).map((v) => v.number), [1]);
});

test('the same text with a byte-order mark is different content and becomes a version', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  const withBom = store.saveVersion({ specId: spec.id, markdown: text, bom: true });
  assert.equal(withBom.created, true);
  assert.equal(withBom.version.bom, true);
});

test('AC-2: restoring version 1 after 3 adds version 4 byte-identical to 1 and leaves 1–3 unchanged', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text }, author: 'Priya' });
  store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 3, 'v2'), author: 'Priya', message: 'second' });
  store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 4, 'v3'), author: 'Tomas', message: 'third' });
  const before = [1, 2, 3].map((n) => store.getVersion(spec.id, n));
  const contentRows = () => (store.connection.prepare('SELECT count(*) AS n FROM contents').get() as { n: number }).n;
  const contentsBefore = contentRows();

  const restored = store.restoreVersion(spec.id, 1, { author: 'Ana' });
  assert.equal(restored.created, true);
  assert.equal(restored.version.number, 4);
  assert.equal(restored.version.restoredFrom, 1);
  assert.equal(restored.version.message, 'Restored version 1');
  const v4 = store.getVersion(spec.id, 4);
  assert.ok(Buffer.from(v4.markdown, 'utf8').equals(Buffer.from(before[0].markdown, 'utf8')));
  assert.equal(v4.contentHash, before[0].contentHash);
  assert.equal(v4.bom, before[0].bom);
  assert.deepEqual([1, 2, 3].map((n) => store.getVersion(spec.id, n)), before);
  assert.equal(contentRows(), contentsBefore, 'content-addressed: the restored text is not stored twice');
  assert.deepEqual(store.listVersions(spec.id).map((v) => v.number), [4, 3, 2, 1]);

  // Restoring what is already the newest text adds nothing.
  assert.equal(store.restoreVersion(spec.id, 4).created, false);
  assert.equal(store.restoreVersion(spec.id, 1).created, false);
});

test('versions and contents cannot be rewritten, even with SQL', (t) => {
  const store = tempStore(t);
  store.createSpec({ source: { kind: 'markdown', markdown: text } });
  assert.throws(() => store.connection.prepare("UPDATE versions SET message = 'rewritten'").run(), /versions are immutable/);
  assert.throws(() => store.connection.prepare("UPDATE contents SET markdown = 'rewritten'").run(), /contents are immutable/);
});

test('each version stores author, message, time, parsed summary, readiness and what changed by requirement id', (t) => {
  const store = tempStore(t);
  const { spec, version } = store.createSpec({ source: { kind: 'markdown', markdown: text }, author: 'Priya', readiness: 88 });
  assert.deepEqual(version.counts, { sections: 6, fr: 8, nfr: 5, ac: 10, rows: 8 });
  assert.equal(version.readiness, 88);
  assert.equal(version.title, 'Magic Link Authentication');
  assert.equal(version.status, 'approved');
  assert.equal(version.changes, null);
  assert.match(version.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

  const edited = withAcChange(text, 3, 'within 1 s').replace(/- \*\*NFR-5 \(Performance\):\*\*[^\n]*\n/, '');
  const saved = store.saveVersion({ specId: spec.id, markdown: edited, author: 'Tomas', message: 'Tighten AC-3, drop NFR-5', readiness: 91 });
  assert.equal(saved.version.author, 'Tomas');
  assert.equal(saved.version.message, 'Tighten AC-3, drop NFR-5');
  assert.equal(saved.version.readiness, 91);
  assert.equal(saved.version.counts.nfr, 4);
  assert.deepEqual(changeLinesOf(saved.version), ['Non-Functional Requirements: NFR-5 removed', 'Acceptance Criteria: AC-3 modified']);
  assert.deepEqual(store.listVersions(spec.id)[0].changes, saved.version.changes);
});

test('two windows editing one spec: both saves become versions and the second is told a newer version exists', (t) => {
  const dir = tempDir(t);
  const windowA = openSpecStore(dir);
  const windowB = openSpecStore(dir); // a second connection, as a second process would have
  t.after(() => {
    windowA.close();
    windowB.close();
  });
  const { spec, version } = windowA.createSpec({ source: { kind: 'markdown', markdown: text } });
  const a = windowA.saveVersion({ specId: spec.id, markdown: withAcChange(text, 1, 'from A'), baseVersionId: version.id });
  const b = windowB.saveVersion({ specId: spec.id, markdown: withAcChange(text, 2, 'from B'), baseVersionId: version.id });
  assert.deepEqual([a.created, a.newerVersionExists], [true, false]);
  assert.deepEqual([b.created, b.newerVersionExists, b.version.number], [true, true, 3]);
  assert.match(windowA.getVersion(spec.id, 2).markdown, /from A/);
  assert.match(windowA.getVersion(spec.id, 3).markdown, /from B/);
});

test('saving a version drops the draft only when the draft holds that same text', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  const edited = withAcChange(text, 1, 'edited');
  store.saveDraft({ specId: spec.id, markdown: edited });
  const saved = store.saveVersion({ specId: spec.id, markdown: edited });
  assert.equal(saved.draftCleared, true);
  assert.equal(store.loadDraft(spec.id), null);

  store.saveDraft({ specId: spec.id, markdown: `${edited}\nstill typing` });
  const other = store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 2, 'other') });
  assert.equal(other.draftCleared, false);
  assert.equal(store.loadDraft(spec.id)?.markdown, `${edited}\nstill typing`);
});

test('diffVersions gives the semantic diff between two stored versions', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 7, 'and nothing else') });
  const diff = store.diffVersions(spec.id, 1, 2);
  assert.deepEqual(diff.description, ['Acceptance Criteria: AC-7 modified']);
  assert.deepEqual(store.diffVersions(spec.id, 2, 2).description, []);
});

test('errors: unknown spec or version, a trashed spec, and text over 5 MB', (t) => {
  const store = tempStore(t);
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: text } });
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof HostError);
      return error.code;
    }
    return 'none';
  };
  assert.equal(code(() => store.getVersion(spec.id, 9)), 'NOT_FOUND');
  assert.equal(code(() => store.listVersions(999)), 'NOT_FOUND');
  assert.equal(code(() => store.saveVersion({ specId: 999, markdown: 'x' })), 'NOT_FOUND');
  assert.equal(code(() => store.saveVersion({ specId: spec.id, markdown: 'x'.repeat(5 * 1024 * 1024 + 1) })), 'FILE_TOO_LARGE');
  store.trashSpec(spec.id);
  assert.equal(code(() => store.saveVersion({ specId: spec.id, markdown: 'x' })), 'SPEC_TRASHED');
});

test('readiness omitted by the caller is computed with the default lint rules; null stores none', (t) => {
  const store = tempStore(t);
  const draft = sample('magic-link-draft.md');
  const { spec, version } = store.createSpec({ source: { kind: 'markdown', markdown: draft } });
  assert.equal(version.readiness, lintSpec(parseSpec(draft)).readiness.score);
  const computed = store.saveVersion({ specId: spec.id, markdown: text });
  assert.equal(computed.version.readiness, lintSpec(parseSpec(text)).readiness.score);
  assert.notEqual(computed.version.readiness, version.readiness);
  const none = store.saveVersion({ specId: spec.id, markdown: withAcChange(text, 1, 'x'), readiness: null });
  assert.equal(none.version.readiness, null);
  assert.equal(store.restoreVersion(spec.id, 2).version.readiness, computed.version.readiness, 'a restore carries the score over');
});
