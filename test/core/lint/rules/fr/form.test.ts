import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('"The system must …" and "When …, the system must …" pass', () => {
  assert.deepEqual(hits('fr/form', 'The system must provide an endpoint POST /auth/magic-link/request.', 'fr'), []);
  assert.deepEqual(hits('fr/form', 'When POST /orders receives an empty cart, the system must reply 400.', 'fr'), []);
  assert.deepEqual(hits('fr/form', 'The export worker shall stream rows in batches of 5,000.', 'fr'), []);
});

test('an imperative or a statement without an actor is a warning', () => {
  const [h] = hits('fr/form', 'Add an endpoint POST /auth/magic-link/request where the user enters their email.', 'fr');
  assert.equal(h.severity, 'warning');
  assert.equal(hits('fr/form', 'POST /auth/magic-link/verify checks the token.', 'fr').length, 1);
});

test('a weak modal is pointed at, and the quick fix makes it "must"', () => {
  const text = 'The system should send a login link.';
  const [h] = hits('fr/form', text, 'fr');
  assert.equal(h.words, 'should');
  assert.deepEqual(quickFixes(h, text)[0].edits, [{ start: 11, end: 17, newText: 'must' }]);
});

test('spec-kit "System MUST …" and Kiro user stories are requirement forms', () => {
  assert.deepEqual(hits('fr/form', 'System MUST let a signed-in member create a named list.', 'fr'), []);
  assert.deepEqual(hits('fr/form', 'As the club organiser, I want to schedule the next book, so that members know what to read.', 'fr'), []);
  assert.equal(hits('fr/form', 'Add an export button.', 'fr').length, 1);
});
