import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostError } from '../../../../host/common/host-error.js';
import { analyzeMarkdown } from '../../../../host/store/analyze.js';
import { contentHash } from '../../../../host/store/content-hash.js';
import { sample } from '../helpers.js';
import { backends } from './backends.js';

/** The library operations of the store contract, once per dialect (issue 15 FR-1, AC-1). */

const code = (expected: string, message?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof HostError, `expected a HostError, got ${String(error)}`);
  assert.equal(error.code, expected);
  if (message) assert.match(error.message, message);
  return true;
};

for (const backend of backends) {
  test(`${backend.name}: createSpec from Markdown stores version 1 with its hash, summary and readiness`, async (t) => {
    const store = await backend.open(t);
    const markdown = sample('magic-link.md');
    const created = await store.specs.createSpec({ source: { kind: 'markdown', markdown, bom: true, fileName: 'magic-link.md' }, author: 'Ana' });
    assert.equal(created.spec.title, 'Magic Link Authentication');
    assert.equal(created.spec.importName, 'magic-link.md');
    assert.equal(created.spec.state, 'active');
    assert.equal(created.spec.headVersion, 1);
    assert.equal(created.spec.headVersionId, created.version.id);
    assert.equal(created.spec.hasDraft, false);
    assert.equal(created.version.number, 1);
    assert.equal(created.version.author, 'Ana');
    assert.equal(created.version.message, 'Imported from magic-link.md');
    assert.equal(created.version.contentHash, contentHash(markdown).hash);
    assert.equal(created.version.bytes, Buffer.byteLength(markdown));
    assert.equal(created.version.bom, true);
    assert.ok(created.version.counts.fr > 0 && created.version.counts.ac > 0);
    assert.equal(typeof created.version.readiness, 'number');
    assert.equal(created.version.changes, null);

    const opened = await store.specs.getSpec(created.spec.id);
    assert.equal(opened.head.markdown, markdown);
    assert.equal(opened.head.bom, true);
    assert.equal(opened.draft, null);
    assert.deepEqual(opened.spec, created.spec);
  });

  test(`${backend.name}: createSpec from a template, with a custom title, with a given analysis and readiness`, async (t) => {
    const store = await backend.open(t);
    const fromTemplate = await store.specs.createSpec({ source: { kind: 'template', template: 'agent-ready', title: 'Billing export' } });
    assert.equal(fromTemplate.spec.title, 'Billing export');
    assert.match(fromTemplate.version.message, /^Created from the .* template$/);
    assert.match((await store.specs.getVersion(fromTemplate.spec.id, 1)).markdown, /Billing export/);

    const titled = await store.specs.createSpec({ source: { kind: 'markdown', markdown: '# Plain\n\nText.\n', title: 'Renamed at birth' }, readiness: 42, message: 'first' });
    assert.equal(titled.spec.title, 'Renamed at birth');
    assert.equal(titled.version.title, 'Plain');
    assert.equal(titled.version.readiness, 42);
    assert.equal(titled.version.message, 'first');

    const given = await store.specs.createSpec(
      { source: { kind: 'markdown', markdown: '# Given\n' } },
      {
        // The compute pool's summary is taken as given, not recomputed.
        analysis: { ...analyzeMarkdown('# Given\n'), title: 'Analysed elsewhere', status: 'draft', counts: { sections: 7, fr: 3, nfr: 2, ac: 1, rows: 0 }, readiness: 77 },
      },
    );
    assert.equal(given.spec.title, 'Analysed elsewhere');
    assert.equal(given.version.readiness, 77);
    assert.deepEqual(given.version.counts, { sections: 7, fr: 3, nfr: 2, ac: 1, rows: 0 });
    assert.equal(given.spec.status, 'draft');
  });

  test(`${backend.name}: createSpec refuses text with a lone surrogate`, async (t) => {
    const store = await backend.open(t);
    await assert.rejects(store.specs.createSpec({ source: { kind: 'markdown', markdown: '# A\n\ud800\n' } }), code('INVALID_TEXT'));
    assert.deepEqual(await store.specs.listSpecs(), []);
  });

  test(`${backend.name}: listSpecs filters by state, status and title and sorts as asked`, async (t) => {
    const store = await backend.open(t);
    const audit = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') } });
    const hardened = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-hardened.md') } });
    const draft = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link-draft.md') } });
    const titles = async (args: Parameters<typeof store.specs.listSpecs>[0]) => (await store.specs.listSpecs(args)).map((s) => s.id);

    assert.deepEqual(await titles({}), [draft.spec.id, hardened.spec.id, audit.spec.id]);
    assert.deepEqual(await titles({ sort: 'created', direction: 'asc' }), [audit.spec.id, hardened.spec.id, draft.spec.id]);
    assert.deepEqual(await titles({ sort: 'title' }), [audit.spec.id, draft.spec.id, hardened.spec.id]);
    assert.deepEqual(await titles({ sort: 'title', direction: 'desc' }), [hardened.spec.id, draft.spec.id, audit.spec.id]);
    assert.deepEqual(await titles({ titleContains: 'MAGIC link' }), [draft.spec.id, hardened.spec.id]);
    assert.deepEqual(await titles({ titleContains: '100%_' }), []);
    const status = audit.spec.status!;
    assert.ok((await titles({ status })).includes(audit.spec.id));
    assert.deepEqual(await titles({ status: 'no-such-status' }), []);
    const byReadiness = await store.specs.listSpecs({ sort: 'readiness' });
    const scores = byReadiness.map((s) => s.readiness ?? -1);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));

    await store.specs.setArchived(audit.spec.id, true);
    assert.deepEqual(await titles({ state: 'archived' }), [audit.spec.id]);
    assert.deepEqual(await titles({}), [draft.spec.id, hardened.spec.id]);
  });

  test(`${backend.name}: rename, archive, trash, restore and emptyTrash`, async (t) => {
    const store = await backend.open(t);
    const a = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
    const b = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') } });

    const renamed = await store.specs.renameSpec(a.spec.id, '  Sign-in by email  ');
    assert.equal(renamed.title, 'Sign-in by email');
    assert.ok(renamed.lastEditedAt > a.spec.lastEditedAt);
    await assert.rejects(store.specs.renameSpec(a.spec.id, '   '), code('INVALID_ARGUMENTS', /cannot be empty/));

    assert.equal((await store.specs.setArchived(a.spec.id, true)).state, 'archived');
    const trashed = await store.specs.trashSpec(a.spec.id);
    assert.equal(trashed.state, 'trashed');
    assert.ok(trashed.trashedAt);
    assert.equal((await store.specs.trashSpec(a.spec.id)).trashedAt, trashed.trashedAt, 'trashing twice changes nothing');
    await assert.rejects(store.specs.setArchived(a.spec.id, false), code('SPEC_TRASHED', /restore it first/));
    await assert.rejects(store.specs.saveVersion({ specId: a.spec.id, markdown: 'x' }), code('SPEC_TRASHED', /restore it before saving/));
    await assert.rejects(store.specs.saveDraft({ specId: a.spec.id, markdown: 'x' }), code('SPEC_TRASHED', /restore it before editing/));
    assert.deepEqual((await store.specs.listSpecs({ state: 'trashed' })).map((s) => s.id), [a.spec.id]);

    const restored = await store.specs.restoreSpec(a.spec.id);
    assert.equal(restored.state, 'archived', 'restore returns the spec to the state it was trashed from');
    assert.equal(restored.trashedAt, null);
    assert.equal((await store.specs.restoreSpec(b.spec.id)).state, 'active', 'restoring a spec not in the trash changes nothing');

    await store.specs.trashSpec(a.spec.id);
    await store.specs.trashSpec(b.spec.id);
    assert.equal(await store.specs.emptyTrash([b.spec.id, b.spec.id, 999_999, 2 ** 40]), 1);
    await assert.rejects(store.specs.getSpec(b.spec.id), code('NOT_FOUND', new RegExp(`spec ${b.spec.id} does not exist`)));
    assert.equal(await store.specs.emptyTrash(), 1);
    assert.equal(await store.specs.emptyTrash(), 0);
    assert.deepEqual(await store.specs.listSpecs({ state: 'trashed' }), []);

    // Ids are never reused, and a text whose specs are gone can be stored again.
    const again = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
    assert.ok(again.spec.id > b.spec.id);
    assert.equal(again.version.contentHash, a.version.contentHash);
  });

  test(`${backend.name}: every library operation on an unknown spec is NOT_FOUND`, async (t) => {
    const store = await backend.open(t);
    for (const id of [12345, 2 ** 40]) {
      const notFound = code('NOT_FOUND', new RegExp(`spec ${id} does not exist`));
      await assert.rejects(store.specs.getSpec(id), notFound);
      await assert.rejects(store.specs.renameSpec(id, 'x'), notFound);
      await assert.rejects(store.specs.setArchived(id, true), notFound);
      await assert.rejects(store.specs.trashSpec(id), notFound);
      await assert.rejects(store.specs.restoreSpec(id), notFound);
      await assert.rejects(store.specs.saveVersion({ specId: id, markdown: 'x' }), notFound);
      await assert.rejects(store.specs.listVersions(id), notFound);
      await assert.rejects(store.specs.getVersion(id, 1), notFound);
      await assert.rejects(store.specs.restoreVersion(id, 1), notFound);
      await assert.rejects(store.specs.diffVersions(id, 1, 2), notFound);
      await assert.rejects(store.specs.saveDraft({ specId: id, markdown: 'x' }), notFound);
      await assert.rejects(store.specs.loadDraft(id), notFound);
      await assert.rejects(store.specs.discardDraft(id), notFound);
      await assert.rejects(store.specs.setFindingState({ specId: id, contentHash: 'a'.repeat(64), findingId: 'f', state: 'dismissed' }), notFound);
      await assert.rejects(
        store.specs.recordValidationRun({ specId: id, contentHash: 'a'.repeat(64), target: 't', defect: null, passed: 0, total: 0, mutation: null, results: [] }),
        notFound,
      );
      assert.deepEqual(await store.specs.listFindingStates(id, 'a'.repeat(64)), []);
      assert.deepEqual(await store.specs.listValidationRuns(id, 'a'.repeat(64)), []);
      assert.equal(await store.specs.emptyTrash([id]), 0);
    }
  });
}
