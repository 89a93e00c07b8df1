import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText, quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('should, may, could and might in the required behaviour are errors', () => {
  assert.deepEqual(hits('ac/weak-modal', 'The user should get the email within 2 s.').map((h) => h.words), ['should']);
  assert.deepEqual(hits('ac/weak-modal', 'The system may send a receipt.').map((h) => h.words), ['may']);
  assert.deepEqual(hits('ac/weak-modal', 'Then they could see status 200.').map((h) => h.words), ['could']);
  assert.equal(hits('ac/weak-modal', 'Admins might export logs.')[0].severity, 'error');
});

test('"may" in the Given part and the month May are not flagged', () => {
  assert.deepEqual(hits('ac/weak-modal', 'Given a user who may have 2 sessions, when POST /logout-all is sent, then both rows are revoked.'), []);
  assert.deepEqual(hits('ac/weak-modal', 'Given a meeting on 12 May 2026, when GET /calendar is sent, then it lists 1 meeting.'), []);
});

test('quick fix: replace with "must", keeping capitalisation', () => {
  const text = 'Should send 1 email. The API should reply 200.';
  const found = hits('ac/weak-modal', text);
  assert.deepEqual(found.map((f) => quickFixes(f, text)[0].edits[0].newText), ['Must', 'must']);
  const e = quickFixes(found[1], text)[0].edits[0];
  assert.equal(text.slice(0, e.start) + e.newText + text.slice(e.end), 'Should send 1 email. The API must reply 200.');
});

test('FR-6: Gherkin "should" in a Then/And step is an assertion in any layout; "may" stays weak; EARS "should" is weak', () => {
  const multi = 'Given 25 matching documents\nWhen the first page is requested\nThen the page should show 10 results\nAnd the pager should read "Page 1 of 3"';
  assert.deepEqual(hits('ac/weak-modal', multi), []);
  assert.deepEqual(hits('ac/weak-modal', 'Given a cart, when POST /checkout is sent, then the response should be 201.'), []);
  assert.deepEqual(hits('ac/weak-modal', 'Given a user\nWhen they log out\nThen the session row is deleted\nAnd an email may be sent').map((h) => h.words), ['may']);
  assert.deepEqual(hits('ac/weak-modal', 'WHEN a user is invited, THE system SHOULD send 1 email.').map((h) => h.words), ['SHOULD']);
  assert.deepEqual(hits('ac/weak-modal', 'If the token expires, then the response should be 401.').map((h) => h.words), ['should']);
});

test('FR-6: OpenSpec-style step bullets are Gherkin too, so "should" in the THEN bullet asserts', () => {
  const steps = '- **GIVEN** a proposal with 2 tasks\n- **WHEN** both tasks are checked off\n- **THEN** the proposal status should be "ready"';
  assert.deepEqual(hits('ac/weak-modal', steps), []);
  assert.equal(lintItemText(steps, 'ac').style, 'given-when-then');
});
