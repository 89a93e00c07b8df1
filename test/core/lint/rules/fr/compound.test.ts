import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('two modal verbs mean two requirements', () => {
  const [h] = hits('fr/compound', 'The system must store the token. It must also email the user.', 'fr');
  assert.equal(h.words, 'must');
  assert.equal(h.severity, 'warning');
});

test('"must X and Y" with two unrelated actions is compound', () => {
  assert.deepEqual(hits('fr/compound', 'The system should send a login link and log the user in.', 'fr').map((h) => h.words), ['log']);
});

test('ordered steps of one behaviour written as a list are not', () => {
  assert.deepEqual(
    hits('fr/compound', 'When the token is valid, the system must set used_at, issue the JWT, and reply 200 OK.', 'fr'),
    [],
  );
});
