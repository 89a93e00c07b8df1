import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('a pronoun with nothing before it to refer to is an error', () => {
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'It returns 401 for unknown users.').map((h) => [h.words, h.severity]), [['It', 'error']]);
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Once verified, it redirects to /dashboard.').map((h) => h.words), ['it']);
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'This is shown when the user clicks Save.').map((h) => h.words), ['This']);
});

test('a pronoun after a noun the criterion names is fine', () => {
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Given a registered user, when they click the link, then they get status 200.'), []);
  assert.deepEqual(hits('ac/ambiguous-pronoun', "Given the button labelled 'Fast checkout', when a customer taps it, then 1 order row exists."), []);
});

test('"this" before a noun is a determiner, not a pronoun', () => {
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'This token is rejected with 400.'), []);
});

test('FR-6: a pronoun with two candidate referents is reported; with exactly one it is fine', () => {
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Given an admin and a member, when the admin revokes the member\'s session, then they see a banner.').map((h) => h.words), ['they']);
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Given a gateway and a sensor\nWhen it reboots\nThen readings resume within 30 seconds').map((h) => h.words), ['it']);
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Given a subscriber, when they click "Cancel", then subscriptions.status becomes "cancelled".'), []);
  assert.deepEqual(hits('ac/ambiguous-pronoun', 'Given a user and a project, when the user opens it, then GET /projects/1 returns 200.'), []);
});
