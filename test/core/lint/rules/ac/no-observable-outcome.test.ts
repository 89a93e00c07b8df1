import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText, quickFixes } from '../../../../../core/lint/index.js';
import { hits } from '../../helpers.js';

test('a perfect Given/When/Then whose Then is "it works" is not binary (no outcome, vague term)', () => {
  const result = lintItemText('Given a registered user, when they click the sign-in link, then it works.', 'ac');
  assert.equal(result.binary, false);
  const rules = result.findings.map((f) => f.rule);
  assert.ok(rules.includes('ac/no-observable-outcome'));
  assert.ok(rules.includes('ac/vague-term'));
});

test('unobservable outcomes are flagged', () => {
  assert.equal(hits('ac/no-observable-outcome', 'When the user clicks the link, then they are signed in.')[0].words, 'then they are signed in.');
  assert.equal(hits('ac/no-observable-outcome', 'Given a 2 GB file, when it is uploaded, then the upload succeeds.').length, 1);
});

test('each kind of evidence counts: status, body, header, row, log, count, bound, UI text, UI state', () => {
  for (const then of [
    'then the response status is 403',
    'then the body is `{"ok":true}`',
    'then the Set-Cookie header sets sid',
    'then used_at on the token row is not NULL',
    'then 1 WARN log event is written',
    'then exactly 2 emails are sent',
    'then the page renders within 2 s',
    'then the page shows "Saved"',
    'then the Save button is disabled',
  ]) {
    assert.deepEqual(hits('ac/no-observable-outcome', `Given a user, when they submit the form, ${then}.`), [], then);
  }
});

test('a number in the Given part is setup, not an outcome', () => {
  assert.equal(hits('ac/no-observable-outcome', 'Given 3 products, when the page loads, then the list looks right.').length, 1);
});

test('quick fix: a placeholder for the missing status code', () => {
  const text = 'When the user clicks the link, then they are signed in.';
  const [fix] = quickFixes(hits('ac/no-observable-outcome', text)[0], text);
  const e = fix.edits[0];
  assert.equal(text.slice(0, e.start) + e.newText + text.slice(e.end), 'When the user clicks the link, then they are signed in and the response status is ___.');
  const plain = 'The magic link login works.';
  const e2 = quickFixes(hits('ac/no-observable-outcome', plain)[0], plain)[0].edits[0];
  assert.equal(plain.slice(0, e2.start) + e2.newText + plain.slice(e2.end), 'The magic link login works, then the response status is ___.');
});

test('"Given X, <outcome>" with no When/Then keyword: the outcome after the first comma counts (the seed spec\'s AC-1)', () => {
  const seed = "Given a POST to /auth/magic-link/request with a registered active user's email, the response is 202 and one email is dispatched.";
  assert.deepEqual(hits('ac/no-observable-outcome', seed), []);
  assert.equal(lintItemText(seed, 'ac').binary, true);
  assert.equal(hits('ac/no-observable-outcome', 'Given a successful login, the user is happy.').length, 1, 'a vague outcome after the comma is still flagged');
});

test('FR-6: concrete UI outcomes and numbers written as words are observable', () => {
  for (const text of [
    '[ ] The digest email lists at most ten items, newest first.',
    'WHEN an event repeats daily for one week, THE calendar SHALL show seven occurrences.',
    '[ ] The dropzone border turns blue while a file is dragged over it.',
    '[ ] The org chart shows each employee\'s direct reports in alphabetical order.',
    'Given the --quiet flag, when a join event arrives, then the bot posts no message.',
  ]) {
    assert.deepEqual(hits('ac/no-observable-outcome', text), [], text);
  }
  assert.equal(hits('ac/no-observable-outcome', 'Once verified, the user is redirected as expected.').length, 1, '"once" is not a number');
});
