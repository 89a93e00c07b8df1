import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('a plain criterion with nothing that starts the behaviour gets a warning', () => {
  assert.deepEqual(hits('ac/no-trigger', 'The magic link login works.').map((h) => h.severity), ['warning']);
});

test('Given/When, EARS conditions, requests and commands are triggers', () => {
  assert.deepEqual(hits('ac/no-trigger', 'Given a user, when they log in, then the status is 200.'), []);
  assert.deepEqual(hits('ac/no-trigger', 'While maintenance is on, the system shall return 503.'), []);
  assert.deepEqual(hits('ac/no-trigger', 'GET /status returns 200 with `{"ok":true}`.'), []);
  assert.deepEqual(hits('ac/no-trigger', 'The CLI prints `1.2.0` for `specbench --version`.'), []);
});

test('EARS ubiquitous requirements need no trigger', () => {
  assert.deepEqual(hits('ac/no-trigger', 'The system shall store passwords as argon2id hashes.'), []);
});
