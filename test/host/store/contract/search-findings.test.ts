import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HostError } from '../../../../host/common/host-error.js';
import type { StoreContract } from '../../../../host/store/contract/store-contract.js';
import { sample } from '../helpers.js';
import { backends } from './backends.js';

/** Search, AI-finding states and validation runs of the store contract, once per dialect (issue 15 FR-1, AC-1). */

const marked = (snippet: Array<{ text: string; match: boolean }>) => snippet.filter((s) => s.match).map((s) => s.text.toLowerCase());

async function library(store: StoreContract) {
  const magic = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } });
  const audit = await store.specs.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') } });
  return { magic: magic.spec.id, audit: audit.spec.id };
}

for (const backend of backends) {
  test(`${backend.name}: search finds every word, the last as a prefix, and marks the matches`, async (t) => {
    const store = await backend.open(t);
    const { magic, audit } = await library(store);

    const hits = await store.specs.search('magic lin');
    assert.deepEqual(hits.map((h) => h.specId), [magic]);
    assert.equal(hits[0].title, 'Magic Link Authentication');
    assert.equal(hits[0].state, 'active');
    assert.deepEqual(hits[0].versions, [1]);
    assert.equal(hits[0].inHead, true);
    assert.ok(marked(hits[0].snippet).some((w) => w === 'magic' || w.startsWith('lin')), JSON.stringify(hits[0].snippet));
    assert.equal(hits[0].snippet.map((s) => s.text).join('').includes('\uE000'), false);

    assert.deepEqual((await store.specs.search('audit')).map((h) => h.specId), [audit]);
    assert.deepEqual(await store.specs.search('magic zebra'), [], 'every word must match');
    assert.deepEqual(await store.specs.search('lin magic'), [], 'only the last word is a prefix');
    assert.deepEqual((await store.specs.search('"magic link"')).map((h) => h.specId), [magic]);
    assert.deepEqual(await store.specs.search('"link magic"'), [], 'a quoted phrase keeps its order');
    assert.deepEqual(await store.specs.search('   '), []);
    // Punctuated words are split the way the texts were indexed.
    assert.ok((await store.specs.search('AC-2')).some((h) => h.specId === magic));
    assert.ok((await store.specs.search('"AC-2: Given"')).some((h) => h.specId === magic));
    assert.deepEqual(await store.specs.search('AC-2 zebra'), []);
  });

  test(`${backend.name}: search syntax in the query is searched for, never interpreted`, async (t) => {
    const store = await backend.open(t);
    await library(store);
    for (const query of ['magic & !link', "magic:* | '", 'a & (b', '!!!', '"unterminated', 'NOT OR AND', '\u0000', "it's", 'x:*A', '<->', 'magic\\', 'x'.repeat(3000), "'magic'"]) {
      const hits = await store.specs.search(query);
      assert.ok(Array.isArray(hits), query);
    }
    assert.deepEqual(await store.specs.search('!!!'), []);
    assert.equal((await store.specs.search('(magic)')).length, 1);
  });

  test(`${backend.name}: search lists older versions, renamed titles first, and honours states and limit`, async (t) => {
    const store = await backend.open(t);
    const { magic, audit } = await library(store);
    const text = sample('magic-link.md');
    await store.specs.saveVersion({ specId: magic, markdown: `${text}\nZebracorn appears.\n`, readiness: null });
    await store.specs.saveVersion({ specId: magic, markdown: `${text}\nNothing here.\n`, readiness: null });
    const old = await store.specs.search('zebracorn');
    assert.deepEqual(old.map((h) => ({ id: h.specId, versions: h.versions, inHead: h.inHead })), [{ id: magic, versions: [2], inHead: false }]);
    const every = await store.specs.search('magic');
    assert.deepEqual(every[0].versions, [3, 2, 1]);
    assert.equal(every[0].inHead, true);

    await store.specs.renameSpec(audit, 'Magic export of logs');
    const renamed = await store.specs.search('magic');
    assert.equal(renamed[0].specId, audit, 'a renamed title that contains the text comes first');
    assert.deepEqual(renamed[0].versions, []);
    assert.deepEqual(renamed[0].snippet, [{ text: 'Magic', match: true }, { text: ' export of logs', match: false }]);
    assert.deepEqual(renamed.map((h) => h.specId), [audit, magic]);
    assert.equal((await store.specs.search('magic', { limit: 1 })).length, 1);

    await store.specs.trashSpec(magic);
    assert.deepEqual((await store.specs.search('zebracorn')).length, 0, 'trashed specs are not searched by default');
    const trashed = await store.specs.search('zebracorn', { states: ['trashed'] });
    assert.deepEqual(trashed.map((h) => [h.specId, h.state]), [[magic, 'trashed']]);
  });

  test(`${backend.name}: finding states are kept per content, and dismissals carry over to later texts`, async (t) => {
    const store = await backend.open(t);
    const { magic } = await library(store);
    const h1 = 'a'.repeat(64);
    const h2 = 'b'.repeat(64);
    await store.specs.setFindingState({ specId: magic, contentHash: h1, findingId: 'f-2', state: 'dismissed', note: 'not a problem' });
    await store.specs.setFindingState({ specId: magic, contentHash: h1, findingId: 'f-1', state: 'applied' });
    await store.specs.setFindingState({ specId: magic, contentHash: h1, findingId: 'f-3', state: 'dismissed' });
    const first = await store.specs.listFindingStates(magic, h1);
    assert.deepEqual(first.map((f) => [f.findingId, f.state, f.note]), [['f-1', 'applied', null], ['f-2', 'dismissed', 'not a problem'], ['f-3', 'dismissed', null]]);
    assert.ok(first.every((f) => f.specId === magic && f.contentHash === h1 && /^\d{4}-\d\d-\d\dT/.test(f.updatedAt)));

    // Upsert: the same finding on the same content is changed, not duplicated.
    await store.specs.setFindingState({ specId: magic, contentHash: h1, findingId: 'f-1', state: 'open', note: 'reopened' });
    assert.deepEqual((await store.specs.listFindingStates(magic, h1)).find((f) => f.findingId === 'f-1')?.note, 'reopened');

    await store.specs.setFindingState({ specId: magic, contentHash: h2, findingId: 'f-3', state: 'open' });
    const second = await store.specs.listFindingStates(magic, h2);
    assert.deepEqual(second.map((f) => [f.findingId, f.contentHash, f.state]), [['f-3', h2, 'open'], ['f-2', h1, 'dismissed']]);
    assert.deepEqual(await store.specs.listFindingStates(magic, 'c'.repeat(64)).then((l) => l.map((f) => f.findingId)), ['f-3', 'f-2']);
  });

  test(`${backend.name}: validation runs are stored per content, newest first`, async (t) => {
    const store = await backend.open(t);
    const { magic, audit } = await library(store);
    const hash = 'd'.repeat(64);
    const first = await store.specs.recordValidationRun({ specId: magic, contentHash: hash, target: 'node-app', defect: null, passed: 3, total: 4, mutation: null, results: [{ id: 'AC-1', ok: true }] });
    const second = await store.specs.recordValidationRun({ specId: magic, contentHash: hash, target: 'node-app', defect: 'no-expiry', passed: 1, total: 4, mutation: { killed: 2, total: 3 }, results: { nested: [1, 2] } });
    await store.specs.recordValidationRun({ specId: audit, contentHash: hash, target: 'other', defect: null, passed: 0, total: 0, mutation: null, results: [] });
    assert.equal(typeof first, 'number');
    assert.ok(second > first);
    const runs = await store.specs.listValidationRuns(magic, hash);
    assert.deepEqual(
      runs.map(({ createdAt, ...r }) => (assert.match(createdAt, /^\d{4}-\d\d-\d\dT.*Z$/), r)),
      [
        { id: second, specId: magic, contentHash: hash, target: 'node-app', defect: 'no-expiry', passed: 1, total: 4, mutation: { killed: 2, total: 3 }, results: { nested: [1, 2] } },
        { id: first, specId: magic, contentHash: hash, target: 'node-app', defect: null, passed: 3, total: 4, mutation: null, results: [{ id: 'AC-1', ok: true }] },
      ],
    );
    assert.deepEqual(await store.specs.listValidationRuns(magic, 'e'.repeat(64)), []);
    await assert.rejects(
      store.specs.recordValidationRun({ specId: 424242, contentHash: hash, target: 't', defect: null, passed: 0, total: 0, mutation: null, results: [] }),
      (e: unknown) => e instanceof HostError && e.code === 'NOT_FOUND',
    );
  });
}
