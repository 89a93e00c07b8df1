import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { dummyPasswordHash, hashPassword, SCRYPT_PARAMETERS, verifyPassword } from '../../../../host/team/auth/passwords.js';

test('hashes are self-describing scrypt$N$r$p$salt$key with N=2^15, r=8, p=1, a 16-byte salt and a 64-byte key', async () => {
  const stored = await hashPassword('correct horse battery');
  const [scheme, N, r, p, salt, key] = stored.split('$');
  assert.deepEqual([scheme, N, r, p], ['scrypt', '32768', '8', '1']);
  assert.equal(Buffer.from(salt!, 'base64url').length, 16);
  assert.equal(Buffer.from(key!, 'base64url').length, 64);
  assert.deepEqual(SCRYPT_PARAMETERS, { N: 32768, r: 8, p: 1, saltBytes: 16, keyBytes: 64 });
  // The key is scrypt's own output for those parameters, computed independently here.
  const expected = scryptSync('correct horse battery', Buffer.from(salt!, 'base64url'), 64, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  assert.equal(key, expected.toString('base64url'));
});

test('the same password twice gets different salts; verify accepts the password and refuses any other', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse batterY', a), false);
  assert.equal(await verifyPassword('', a), false);
});

test('a hash written with other parameters still verifies (the format carries them)', async () => {
  const salt = Buffer.alloc(16, 7);
  const key = scryptSync('older password!', salt, 32, { N: 1024, r: 4, p: 2 });
  const stored = `scrypt$1024$4$2$${salt.toString('base64url')}$${key.toString('base64url')}`;
  assert.equal(await verifyPassword('older password!', stored), true);
  assert.equal(await verifyPassword('older password?', stored), false);
});

test('malformed or absurd stored hashes verify nothing', async () => {
  for (const stored of ['', 'bcrypt$x', 'scrypt$1000$8$1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA', `scrypt$${2 ** 24}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, 'scrypt$1024$8$1$$']) {
    assert.equal(await verifyPassword('anything', stored), false, stored);
  }
});

test('the dummy hash for unknown accounts is a real hash with the same parameters that nothing matches', async () => {
  const dummy = await dummyPasswordHash();
  assert.match(dummy, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await dummyPasswordHash(), dummy, 'computed once');
  assert.equal(await verifyPassword('', dummy), false);
});
