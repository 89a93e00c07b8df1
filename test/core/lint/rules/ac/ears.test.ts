import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

const ears = (text: string) => hits('ac/ears', text).map((h) => h.words);

test('the five EARS patterns, their complex form and Kiro\'s WHEN … THEN … SHALL conform', () => {
  for (const text of [
    'The checkout service shall store every order for 7 years.',
    'When a member votes, the system shall increase the vote count by 1.',
    'While the queue holds 50 books, the system shall refuse new proposals.',
    'If the card is declined, then the system shall show "Payment failed".',
    'Where anonymous voting is enabled, the system shall hide voter names.',
    'Where exports are enabled, while the account is active, when the user clicks Export, the system shall send one CSV file.',
    'WHEN a member submits a proposal THEN the system SHALL add it with status "proposed".',
    'IF the date is in the past THEN the system SHALL reject it with "Pick a future date".',
  ]) {
    assert.deepEqual(ears(text), [], text);
  }
});

test('non-conforming EARS is reported at the offending word', () => {
  assert.deepEqual(ears('IF the date is in the past the system SHALL reject it.'), ['IF']);
  assert.deepEqual(ears('WHEN a member votes, SHALL increase the count by 1.'), ['SHALL']);
  assert.deepEqual(ears('The system SHALL save the draft and SHALL email the owner.'), ['SHALL']);
  assert.deepEqual(ears('WHEN the user saves WHILE offline the system SHALL queue the change.'), ['WHILE']);
  assert.deepEqual(ears('The system SHALL send a receipt WHEN the payment succeeds.'), ['WHEN']);
  assert.equal(hits('ac/ears', 'WHILE offline the app queues the change.')[0].message.includes('shall'), true);
  assert.deepEqual(ears('**WHEN** a user pins a note\n- **THEN** the note moves to the top'), []);
});

test('Given/When/Then and sentences without "shall" are not EARS and are left alone', () => {
  assert.deepEqual(ears('Given a cart, when the user pays, then the page shows "Paid".'), []);
  assert.deepEqual(ears('When the user pays, then the page shows "Paid".'), []);
  assert.deepEqual(ears('The page shows "Paid" within 2 seconds.'), []);
  assert.equal(hits('ac/ears', 'IF x THEN y SHALL z and SHALL w')[0].severity, 'warning');
});
