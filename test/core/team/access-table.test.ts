import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessTable, decideAccess } from '../../../core/team/access-table.js';
import { operationNames } from '../../../core/contract/operation-names.js';

test('every contract operation has exactly one rule, and no rule names an operation the contract lacks', () => {
  assert.deepEqual(Object.keys(accessTable).sort(), [...operationNames].sort());
});

test('an operation on the server\'s files is not in team mode, whatever the role, and says what replaces it', () => {
  for (const role of ['admin', 'author'] as const) {
    const decision = decideAccess('files.write', role, null);
    assert.equal(decision.ok, false);
    if (!decision.ok) {
      assert.equal(decision.code, 'NOT_IN_TEAM_MODE');
      assert.match(decision.message, /download with specs\.export/);
    }
  }
});

test('a role outside the rule is refused naming the roles needed and the caller\'s', () => {
  const decision = decideAccess('versions.save', 'reviewer', null);
  assert.deepEqual(decision, {
    ok: false,
    code: 'FORBIDDEN',
    message: "versions.save needs the author role (as the spec's owner) or admin; you are signed in as reviewer",
  });
  assert.deepEqual(decideAccess('meeting.open', 'author', null), { ok: false, code: 'FORBIDDEN', message: 'meeting.open needs the admin or productops role; you are signed in as author' });
});

test('spec relations: owner, invited, either; admin needs none; an unknown spec leaves the store to answer', () => {
  const none = { owner: false, invited: false };
  assert.equal(decideAccess('versions.save', 'author', { owner: true, invited: false }).ok, true);
  const notOwner = decideAccess('versions.save', 'author', none);
  assert.equal(notOwner.ok, false);
  if (!notOwner.ok) assert.match(notOwner.message, /you are signed in as author and are not the spec's owner/);
  assert.equal(decideAccess('threads.add', 'reviewer', { owner: false, invited: true }).ok, true);
  assert.equal(decideAccess('threads.add', 'author', { owner: true, invited: false }).ok, true);
  assert.equal(decideAccess('threads.add', 'reviewer', none).ok, false);
  assert.equal(decideAccess('reviews.submit', 'author', { owner: true, invited: false }).ok, false, 'an owner does not give their own spec a verdict');
  assert.equal(decideAccess('reviews.submit', 'author', { owner: false, invited: true }).ok, true, 'an author invited to review may');
  assert.equal(decideAccess('versions.save', 'admin', none).ok, true);
  assert.equal(decideAccess('versions.save', 'author', null).ok, true);
});
