import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authCookie, describeErrorBody, tokenOf } from '../../../core/present/sign-in-link.js';

describe('sign-in-link helpers (Server panel "Sign in with this link")', () => {
  it('takes the token out of a magic link, or null', () => {
    const token = 'ab'.repeat(32);
    assert.equal(tokenOf(`http://127.0.0.1:4000/auth/magic-link/verify?token=${token}`), token);
    assert.equal(tokenOf(`http://h/verify?x=1&token=${token}#frag`), token);
    assert.equal(tokenOf('http://h/verify?tok=1'), null);
    assert.equal(tokenOf('not a link'), null);
  });
  it('keeps only the auth_token pair of a Set-Cookie header', () => {
    assert.equal(authCookie('auth_token=eyJ.a.b; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax'), 'auth_token=eyJ.a.b');
    assert.equal(authCookie('other=1; Path=/, auth_token=xyz; Path=/'), 'auth_token=xyz');
    assert.equal(authCookie('other=1'), null);
    assert.equal(authCookie(undefined), null);
  });
  it('puts an error body in words', () => {
    assert.equal(describeErrorBody({ error: { code: 'TOKEN_USED', message: 'used' } }), 'TOKEN_USED');
    assert.equal(describeErrorBody({ error: 'NOPE' }), 'NOPE');
    assert.equal(describeErrorBody({ ok: true }), '{"ok":true}');
  });
});
