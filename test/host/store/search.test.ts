import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMatchExpression } from '../../../host/store/search.js';
import { sample, tempStore } from './helpers.js';

function setup(t: Parameters<typeof tempStore>[0]) {
  const store = tempStore(t);
  const magic = store.createSpec({ source: { kind: 'markdown', markdown: sample('magic-link.md') } }).spec.id;
  const audit = store.createSpec({ source: { kind: 'markdown', markdown: sample('audit-log-export.md') } }).spec.id;
  return { store, magic, audit };
}

test('finds words across specs with highlighted snippets, best match first', (t) => {
  const { store, magic, audit } = setup(t);
  const hits = store.search('auditors');
  assert.deepEqual(hits.map((h) => h.specId), [audit]);
  assert.ok(hits[0].snippet.some((s) => s.match && s.text.toLowerCase() === 'auditors'));
  assert.deepEqual(hits[0].versions, [1]);
  assert.equal(hits[0].inHead, true);
  assert.equal(hits[0].snippet.map((s) => s.text).join('').includes('auditors'), true);

  const token = store.search('magic_link_tokens');
  assert.equal(token[0].specId, magic);
});

test('matches text that only an older version contains, and says so', (t) => {
  const { store, magic } = setup(t);
  const v1 = sample('magic-link.md');
  store.saveVersion({ specId: magic, markdown: `${v1}\nThe zeppelin clause was here.\n` });
  store.saveVersion({ specId: magic, markdown: v1 });
  const [hit] = store.search('zeppelin');
  assert.equal(hit.specId, magic);
  assert.deepEqual(hit.versions, [2]);
  assert.equal(hit.inHead, false);
});

test('the last word matches as a prefix, quoted text as a phrase, all words must match', (t) => {
  const { store, magic, audit } = setup(t);
  assert.deepEqual(store.search('rolling 60-min').map((h) => h.specId), [magic]);
  assert.deepEqual(store.search('"signed URLs"').map((h) => h.specId), [audit]);
  assert.deepEqual(store.search('auditors zeppelin'), []);
});

test('FTS5 syntax in the query is searched for, never interpreted', (t) => {
  const { store } = setup(t);
  // 'a\u0000b': found by the fuzz suite, NUL ended SQLite's string ("unterminated string").
  for (const query of ['magic-link', 'NEAR(a b)', '"unbalanced', 'a OR', '*', 'col:umn', '--', '()', 'token\u0000hash', '\u0000auditors\u0000']) {
    assert.doesNotThrow(() => store.search(query), query);
  }
  assert.equal(toMatchExpression('*'), null);
  assert.equal(toMatchExpression('\u0000'), null);
  assert.equal(toMatchExpression('token hash'), '"token" AND "hash"*');
  assert.equal(toMatchExpression('"token hash" x'), '"token hash" AND "x"*');
});

test('trashed specs are left out unless asked for; renamed titles are found', (t) => {
  const { store, audit } = setup(t);
  store.renameSpec(audit, 'Compliance exporter');
  assert.equal(store.search('compliance ex')[0].specId, audit);
  assert.ok(store.search('Compliance')[0].snippet.some((s) => s.match && s.text === 'Compliance'));
  store.trashSpec(audit);
  assert.deepEqual(store.search('auditors'), []);
  assert.deepEqual(store.search('auditors', { states: ['trashed'] }).map((h) => h.specId), [audit]);
});
