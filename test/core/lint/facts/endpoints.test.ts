import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpointMatches, endpointsIn, normalizePath } from '../../../../core/lint/facts/endpoints.js';

test('endpoints with methods and bare paths are found and normalised', () => {
  const found = endpointsIn('When POST /auth/magic-link/verify is sent, GET `/items/{id}?x=1`. Link: {APP_BASE_URL}/auth/magic-link/verify?token=abc');
  assert.deepEqual(
    found.map((e) => [e.method, e.path]),
    [
      ['POST', '/auth/magic-link/verify'],
      ['GET', '/items/{}'],
      [null, '/auth/magic-link/verify'],
    ],
  );
});

test('"and/or", "image/png" and "/24" are not paths', () => {
  assert.deepEqual(endpointsIn('an email and/or an SMS, image/png, truncated to /24'), []);
});

test('parameters match any segment; methods must agree when both are given', () => {
  assert.equal(normalizePath('/Users/:id/'), '/users/{}');
  const [get] = endpointsIn('GET /workspaces/42');
  const [defined] = endpointsIn('GET /workspaces/{id}');
  const [del] = endpointsIn('DELETE /workspaces/{id}');
  assert.equal(endpointMatches(get, defined), true);
  assert.equal(endpointMatches(get, del), false);
});
