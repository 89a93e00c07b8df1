import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('"always" and "never" without a bound are errors', () => {
  assert.deepEqual(hits('ac/untestable-universal', 'Rate limiting always applies to the request endpoint.').map((h) => [h.words, h.severity]), [['always', 'error']]);
  assert.deepEqual(hits('ac/untestable-universal', 'Jobs must never be lost.').map((h) => h.words), ['never']);
});

test('a bound in the same sentence makes them checkable', () => {
  assert.deepEqual(hits('ac/untestable-universal', 'During the 10 requests of the test, the raw token never appears in the log.'), []);
});

test('"all", "any", "every" without a closed set are warnings; with one they pass', () => {
  assert.deepEqual(hits('ac/untestable-universal', 'The dashboard renders on all screen sizes.').map((h) => [h.words, h.severity]), [['all', 'warning']]);
  assert.deepEqual(hits('ac/untestable-universal', 'Every response from /api/* carries the header `X-Request-Id`.'), []);
  assert.deepEqual(hits('ac/untestable-universal', 'Then all 10 entries in `items` have an `email` field.'), []);
});

test('universals in the Given/When setup are not flagged', () => {
  assert.deepEqual(hits('ac/untestable-universal', 'Given any unregistered email, when POST /reset is sent, then the status is 202.'), []);
});

test('FR-6: a number that is only the outcome does not bound "never"; a named scope does', () => {
  assert.deepEqual(hits('ac/untestable-universal', 'The payments API never returns status 500.').map((h) => h.words), ['never']);
  assert.deepEqual(hits('ac/untestable-universal', 'WHEN a user finishes the tour, THE system SHALL never show the tour again for that user.'), []);
  assert.deepEqual(hits('ac/untestable-universal', 'Firmware updates are never applied to a device whose battery reports below 20%.'), []);
});
