import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText } from '../../../../core/lint/index.js';
import { structure } from '../../../../core/lint/text/clauses.js';

const style = (text: string, checkbox = false) => lintItemText(text, 'ac', undefined, checkbox).style;

test('Given/When/Then on one line and on several, with And/But', () => {
  assert.equal(style('Given a user, when they log in, then the status is 200.'), 'given-when-then');
  assert.equal(style('When POST /x is sent twice, then the second response is 409.'), 'given-when-then');
  const multi = 'Given an admin\nAnd a second admin\nWhen GET /admin/users is sent\nThen the status is 200\nBut the body has no `passwordHash`';
  assert.equal(style(multi), 'given-when-then');
  const s = structure(multi);
  assert.deepEqual(s.clauses.map((c) => c.role), ['given', 'when', 'then']);
  assert.match(multi.slice(s.outcome[0].start, s.outcome[0].end), /But the body/);
});

test('the five EARS patterns', () => {
  assert.equal(style('The system shall hash passwords with argon2id.'), 'ears-ubiquitous');
  assert.equal(style('When an invoice is finalised, the system shall set invoices.number.'), 'ears-event');
  assert.equal(style('While maintenance is on, the system shall return 503.'), 'ears-state');
  assert.equal(style('If the card is declined, then the system shall respond with 402.'), 'ears-unwanted');
  assert.equal(style('Where SSO is enabled, the system shall redirect GET /login with 302.'), 'ears-optional');
});

test('EARS splits condition and response', () => {
  const text = 'When a refund exceeds the charge, the system shall reject it with 422.';
  const s = structure(text);
  assert.equal(text.slice(s.outcome[0].start, s.outcome[0].end).trim(), 'the system shall reject it with 422.');
});

test('checklist bullets, in the text or on the line, and plain sentences', () => {
  assert.equal(style('[ ] The response to POST /orders is 400.'), 'checklist');
  assert.equal(style('Exactly 1 row is inserted.', true), 'checklist');
  assert.equal(style('POST /orders returns 201.'), 'plain');
});

test('keywords inside literals do not change the style', () => {
  assert.equal(style('The banner "When ready, then go" is shown.'), 'plain');
});
