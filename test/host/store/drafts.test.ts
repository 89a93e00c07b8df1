import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { sample, tempDir, tempStore } from './helpers.js';

test('one draft per spec with text and cursor: save replaces, load returns it, discard removes it', (t) => {
  const store = tempStore(t);
  const { spec, version } = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  assert.equal(store.loadDraft(spec.id), null);
  store.saveDraft({ specId: spec.id, markdown: 'first', cursor: { line: 3, column: 7 }, baseVersionId: version.id });
  const saved = store.saveDraft({ specId: spec.id, markdown: 'second', bom: true, cursor: { line: 12, column: 4 }, baseVersionId: version.id });
  const draft = store.loadDraft(spec.id);
  assert.deepEqual(draft, { specId: spec.id, markdown: 'second', bom: true, cursor: { line: 12, column: 4 }, baseVersionId: version.id, updatedAt: saved.updatedAt });
  assert.equal(store.listVersions(spec.id).length, 1, 'drafts are not versions');
  assert.equal(store.discardDraft(spec.id), true);
  assert.equal(store.discardDraft(spec.id), false);
  assert.equal(store.loadDraft(spec.id), null);
});

test('a draft survives closing and reopening the store, cursor included', (t) => {
  const dir = tempDir(t);
  const first = openSpecStore(dir);
  const { spec } = first.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } });
  first.saveDraft({ specId: spec.id, markdown: `${sample('magic-link-draft.md')}typed before the crash`, cursor: { line: 38, column: 23 } });
  first.close();
  const reopened = openSpecStore(dir);
  t.after(() => reopened.close());
  const opened = reopened.getSpec(spec.id);
  assert.equal(opened.draft?.markdown, `${sample('magic-link-draft.md')}typed before the crash`);
  assert.deepEqual(opened.draft?.cursor, { line: 38, column: 23 });
  assert.equal(opened.spec.hasDraft, true);
});

test('a draft must name a version of its own spec, and trashed specs take no drafts', (t) => {
  const store = tempStore(t);
  const a = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  const b = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } });
  assert.throws(() => store.saveDraft({ specId: a.spec.id, markdown: 'x', baseVersionId: b.version.id }), /does not exist/);
  store.trashSpec(a.spec.id);
  assert.throws(() => store.saveDraft({ specId: a.spec.id, markdown: 'x' }), /in the trash/);
});
