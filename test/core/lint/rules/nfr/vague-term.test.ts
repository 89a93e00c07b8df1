import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('vague words in an NFR are warnings', () => {
  assert.deepEqual(hits('nfr/vague-term', 'Tokens must be secure.', 'nfr').map((h) => [h.words, h.severity]), [['secure', 'warning']]);
  assert.deepEqual(hits('nfr/vague-term', 'Log the important events.', 'nfr').map((h) => h.words), ['important']);
});

test('a concrete mechanism passes', () => {
  assert.deepEqual(hits('nfr/vague-term', 'Each raw token must be produced by crypto.randomBytes(32).', 'nfr'), []);
});
