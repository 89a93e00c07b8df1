import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('flags vague words in the prose of a criterion', () => {
  assert.deepEqual(hits('ac/vague-term', 'Errors are handled properly and the UI is intuitive.').map((h) => h.words), ['properly', 'intuitive']);
  assert.deepEqual(hits('ac/vague-term', 'Notifications work as expected.').map((h) => h.words), ['work as expected']);
  assert.equal(hits('ac/vague-term', 'The login works.')[0].severity, 'error');
});

test('words inside JSON, code spans and quotes are names, never flagged', () => {
  assert.deepEqual(hits('ac/vague-term', 'Then the body is {"summary":"a robust, intuitive tool"}.'), []);
  assert.deepEqual(hits('ac/vague-term', 'When a note with the text \'It works properly\' is saved, notes.body equals it.'), []);
  assert.deepEqual(hits('ac/vague-term', 'The toggle labelled "Work offline" is shown, and `works_flag` is true.'), []);
});

test('adjectives are vague as predicates only: "is correct" yes, "the correct password" no', () => {
  assert.deepEqual(hits('ac/vague-term', 'Then the response is correct.').map((h) => h.words), ['correct']);
  assert.deepEqual(hits('ac/vague-term', 'When POST /login is sent with the correct password, then the status is 200.'), []);
  assert.deepEqual(hits('ac/vague-term', 'Tokens must be secure.').map((h) => h.words), ['secure']);
});

test('reason phrases such as "429 Too Many Requests" are not judgements', () => {
  assert.deepEqual(hits('ac/vague-term', 'Then the response is 429 Too Many Requests.'), []);
});

test('words inside other words do not count', () => {
  assert.deepEqual(hits('ac/vague-term', 'Given the networks table and a goodwill row, then 1 row is inserted.'), []);
});

test('config can add and remove vague terms', () => {
  assert.deepEqual(hits('ac/vague-term', 'Then the banner is snazzy.', 'ac', { vagueTerms: { add: ['snazzy'] } }).map((h) => h.words), ['snazzy']);
  assert.deepEqual(hits('ac/vague-term', 'The login works.', 'ac', { vagueTerms: { remove: ['works'] } }), []);
});

test('FR-6: judgement words beyond the classic list and perception verbs are vague; names in quotes are not', () => {
  assert.deepEqual(hits('ac/vague-term', 'Password rules are sensible.').map((h) => h.words), ['sensible']);
  assert.deepEqual(hits('ac/vague-term', 'Then the second step feels natural.').map((h) => h.words), ['natural']);
  assert.deepEqual(hits('ac/vague-term', 'The welcome looks warm.').map((h) => h.words), ['looks warm']);
  assert.deepEqual(hits('ac/vague-term', 'Selecting the "Best match" option orders results by score, descending.'), []);
  assert.deepEqual(hits('ac/vague-term', 'Given a smart plug in "Eco mode", when power exceeds 2000 W, then it switches off.'), []);
});
