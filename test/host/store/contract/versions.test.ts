import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostError } from '../../../../host/common/host-error.js';
import { contentHash } from '../../../../host/store/content-hash.js';
import { sample, withAcChange } from '../helpers.js';
import { backends } from './backends.js';

/** Versions and drafts of the store contract, once per dialect (issue 15 FR-1, AC-1). */

const code = (expected: string, message?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof HostError, `expected a HostError, got ${String(error)}`);
  assert.equal(error.code, expected);
  if (message) assert.match(error.message, message);
  return true;
};

for (const backend of backends) {
  test(`${backend.name}: saveVersion numbers versions, records changes, and adds nothing for an identical text`, async (t) => {
    const store = await backend.open(t);
    const v1Text = sample('magic-link.md');
    const { spec, version: v1 } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: v1Text } });

    const v2Text = withAcChange(v1Text, 2, 'revised');
    const saved = await store.specs.saveVersion({ specId: spec.id, markdown: v2Text, author: 'Tomas', message: 'Revise AC-2', baseVersionId: v1.id });
    assert.equal(saved.created, true);
    assert.equal(saved.newerVersionExists, false);
    assert.equal(saved.draftCleared, false);
    assert.equal(saved.version.number, 2);
    assert.equal(saved.version.author, 'Tomas');
    assert.equal(saved.version.message, 'Revise AC-2');
    assert.equal(saved.version.contentHash, contentHash(v2Text).hash);
    assert.deepEqual(saved.version.changes?.items, [{ id: 'AC-2', section: 'Acceptance Criteria', change: 'modified' }]);

    const same = await store.specs.saveVersion({ specId: spec.id, markdown: v2Text, baseVersionId: v1.id });
    assert.equal(same.created, false);
    assert.equal(same.version.id, saved.version.id);
    assert.equal(same.newerVersionExists, true, 'the editor started from v1 but v2 exists');

    // The same text with a byte-order mark is a different file: a new version.
    const withBom = await store.specs.saveVersion({ specId: spec.id, markdown: v2Text, bom: true, message: '' });
    assert.equal(withBom.created, true);
    assert.equal(withBom.version.number, 3);
    assert.equal(withBom.version.bom, true);
    assert.equal(withBom.version.contentHash, saved.version.contentHash, 'the text is stored once');

    const list = await store.specs.listVersions(spec.id);
    assert.deepEqual(list.map((v) => v.number), [3, 2, 1]);
    assert.deepEqual(list[1], saved.version);
    const head = (await store.specs.getSpec(spec.id)).spec;
    assert.equal(head.headVersion, 3);
    assert.equal(head.headVersionId, withBom.version.id);

    const detail = await store.specs.getVersion(spec.id, 1);
    assert.equal(detail.markdown, v1Text);
    assert.deepEqual({ ...detail, markdown: undefined }, { ...v1, markdown: undefined });
    await assert.rejects(store.specs.getVersion(spec.id, 9), code('NOT_FOUND', new RegExp(`version 9 of spec ${spec.id} does not exist`)));
    await assert.rejects(store.specs.getVersion(spec.id, 2 ** 40), code('NOT_FOUND'));
  });

  test(`${backend.name}: saveVersion takes a given readiness or analysis and refuses oversized or broken text`, async (t) => {
    const store = await backend.open(t);
    const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# One\n' } });
    const scored = await store.specs.saveVersion({ specId: spec.id, markdown: '# Two\n', readiness: null });
    assert.equal(scored.version.readiness, null);
    assert.equal(scored.version.title, 'Two');
    const fixed = await store.specs.saveVersion({ specId: spec.id, markdown: '# Three\n', readiness: 55.5 });
    assert.equal(fixed.version.readiness, 55.5);
    await assert.rejects(store.specs.saveVersion({ specId: spec.id, markdown: 'x'.repeat(6 * 1024 * 1024) }), code('FILE_TOO_LARGE'));
    await assert.rejects(store.specs.saveVersion({ specId: spec.id, markdown: '# \udc00' }), code('INVALID_TEXT'));
    assert.equal((await store.specs.listVersions(spec.id)).length, 3);
  });

  test(`${backend.name}: restoreVersion saves the old text as a new version; restoring the head adds nothing`, async (t) => {
    const store = await backend.open(t);
    const text = sample('magic-link.md');
    const { spec, version: v1 } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: text, bom: true } });
    await store.specs.saveVersion({ specId: spec.id, markdown: withAcChange(text, 1, 'x') });
    const restored = await store.specs.restoreVersion(spec.id, 1, { author: 'Ana' });
    assert.equal(restored.created, true);
    assert.equal(restored.version.number, 3);
    assert.equal(restored.version.restoredFrom, 1);
    assert.equal(restored.version.message, 'Restored version 1');
    assert.equal(restored.version.author, 'Ana');
    assert.equal(restored.version.bom, true);
    assert.equal(restored.version.contentHash, v1.contentHash);
    assert.deepEqual(restored.version.counts, v1.counts);
    assert.equal(restored.version.readiness, v1.readiness);
    const again = await store.specs.restoreVersion(spec.id, 3);
    assert.deepEqual(again, { version: restored.version, created: false });
    await assert.rejects(store.specs.restoreVersion(spec.id, 7), code('NOT_FOUND', /version 7 of spec/));
  });

  test(`${backend.name}: diffVersions compares two versions section by section`, async (t) => {
    const store = await backend.open(t);
    const text = sample('magic-link.md');
    const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: text } });
    await store.specs.saveVersion({ specId: spec.id, markdown: withAcChange(text, 2, 'revised') });
    const diff = await store.specs.diffVersions(spec.id, 1, 2);
    assert.deepEqual(diff.summary.items, [{ id: 'AC-2', section: 'Acceptance Criteria', change: 'modified' }]);
    const wide = await store.specs.diffVersions(spec.id, 1, 2, 0);
    assert.deepEqual(wide.summary, diff.summary);
    await assert.rejects(store.specs.diffVersions(spec.id, 1, 3), code('NOT_FOUND', /version 3 of spec/));
  });

  test(`${backend.name}: concurrent saves of one spec get distinct consecutive numbers`, async (t) => {
    const store = await backend.open(t);
    const text = sample('audit-log-export.md');
    const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: text } });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.specs.saveVersion({ specId: spec.id, markdown: `${text}\nEdit ${i}\n`, readiness: null })));
    assert.ok(results.every((r) => r.created));
    assert.deepEqual(results.map((r) => r.version.number).sort((a, b) => a - b), [2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual((await store.specs.listVersions(spec.id)).map((v) => v.number), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  test(`${backend.name}: drafts are saved, loaded, cleared by a save of the same text, and discarded`, async (t) => {
    const store = await backend.open(t);
    const { spec, version } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# Draft me\n' } });
    assert.equal(await store.specs.loadDraft(spec.id), null);

    const { updatedAt } = await store.specs.saveDraft({ specId: spec.id, markdown: '# Draft me\n\nMore.\n', bom: true, cursor: { line: 3, column: 6 }, baseVersionId: version.id });
    assert.deepEqual(await store.specs.loadDraft(spec.id), {
      specId: spec.id,
      markdown: '# Draft me\n\nMore.\n',
      bom: true,
      cursor: { line: 3, column: 6 },
      baseVersionId: version.id,
      updatedAt,
    });
    const listed = (await store.specs.getSpec(spec.id)).spec;
    assert.equal(listed.hasDraft, true);
    assert.equal(listed.lastEditedAt, updatedAt);

    // Replaced, not added; defaults for what was left out.
    await store.specs.saveDraft({ specId: spec.id, markdown: '# Draft me\n\nMore!\n' });
    const replaced = await store.specs.loadDraft(spec.id);
    assert.deepEqual({ ...replaced, updatedAt: undefined }, { specId: spec.id, markdown: '# Draft me\n\nMore!\n', bom: false, cursor: { line: 1, column: 1 }, baseVersionId: null, updatedAt: undefined });

    const other = await store.specs.saveVersion({ specId: spec.id, markdown: '# Draft me\n\nSomething else.\n' });
    assert.equal(other.draftCleared, false, 'a draft with another text survives a save');
    const cleared = await store.specs.saveVersion({ specId: spec.id, markdown: '# Draft me\n\nMore!\n' });
    assert.equal(cleared.draftCleared, true);
    assert.equal(await store.specs.loadDraft(spec.id), null);

    await store.specs.saveDraft({ specId: spec.id, markdown: 'scratch' });
    assert.equal(await store.specs.discardDraft(spec.id), true);
    assert.equal(await store.specs.discardDraft(spec.id), false);
    assert.equal((await store.specs.getSpec(spec.id)).draft, null);
  });

  test(`${backend.name}: a draft's base version must belong to its spec`, async (t) => {
    const store = await backend.open(t);
    const a = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# A\n' } });
    const b = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# B\n' } });
    await assert.rejects(
      store.specs.saveDraft({ specId: a.spec.id, markdown: 'x', baseVersionId: b.version.id }),
      code('NOT_FOUND', new RegExp(`version id ${b.version.id} of spec ${a.spec.id} does not exist`)),
    );
    await assert.rejects(store.specs.saveDraft({ specId: a.spec.id, markdown: 'x', baseVersionId: 2 ** 40 }), code('NOT_FOUND'));
    await assert.rejects(store.specs.saveDraft({ specId: a.spec.id, markdown: '\ud800' }), code('INVALID_TEXT'));
    assert.equal(await store.specs.loadDraft(a.spec.id), null);
  });

  test(`${backend.name}: versions survive until the trash is emptied, and go with their spec`, async (t) => {
    const store = await backend.open(t);
    const { spec } = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# Gone soon\n' } });
    await store.specs.saveDraft({ specId: spec.id, markdown: 'draft' });
    await store.specs.trashSpec(spec.id);
    assert.equal((await store.specs.listVersions(spec.id)).length, 1, 'a trashed spec keeps its history');
    assert.equal((await store.specs.loadDraft(spec.id))?.markdown, 'draft');
    assert.equal(await store.specs.emptyTrash([spec.id]), 1);
    await assert.rejects(store.specs.listVersions(spec.id), code('NOT_FOUND'));
  });
}
