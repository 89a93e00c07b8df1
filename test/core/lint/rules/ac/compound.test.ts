import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('two When/Then scenarios in one criterion get a warning', () => {
  const text = 'Given a draft, when it is published then GET /posts/1 returns 200, and when it is unpublished then GET /posts/1 returns 404.';
  const [h] = hits('ac/compound', text);
  assert.equal(h.severity, 'warning');
  assert.match(h.words, /^when it is unpublished/);
});

test('"and/or" and a choice of status codes are warnings', () => {
  assert.equal(hits('ac/compound', 'Then an email and/or an SMS is sent.').length, 1);
  assert.deepEqual(hits('ac/compound', 'Then the response status is 404 or 410.').map((h) => h.words), ['404 or 410']);
});

test('several outcomes of one scenario are fine', () => {
  assert.deepEqual(hits('ac/compound', 'Given a cart, when POST /checkout is sent, then the status is 201, 1 orders row is inserted and 1 event is published.'), []);
});

test('FR-6: a checkable outcome joined to an unobservable one is an error; every part checkable passes', () => {
  const [h] = hits('ac/compound', 'Given a 3 MB JPEG, when it is uploaded, then the response status is 201 and the image is processed.');
  assert.deepEqual([h.words, h.severity], ['is processed', 'error']);
  assert.deepEqual(hits('ac/compound', 'WHEN an admin changes a plan, THE system SHALL return 200 and handle billing errors.').map((h) => h.words), ['handle']);
  assert.deepEqual(hits('ac/compound', 'WHEN a SKU is restocked, THE system SHALL set `backorder` to false and return 200.'), []);
  // A vague half is ac/vague-term's error, not reported twice.
  assert.deepEqual(hits('ac/compound', 'When the build fails, the CLI exits with code 1 and prints a helpful message.'), []);
  assert.deepEqual(hits('ac/vague-term', 'When the build fails, the CLI exits with code 1 and prints a helpful message.').map((h) => h.words), ['helpful']);
});
