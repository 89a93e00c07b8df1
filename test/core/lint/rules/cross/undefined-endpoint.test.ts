import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/undefined-endpoint';

test('AC-4: an AC calling GET /auth/session that no FR mentions is named in a finding', () => {
  const report = lintParts({
    frs: ['The system must provide POST /auth/magic-link/verify.'],
    acs: ['Given a verified token, when GET /auth/session is called, then the response status is 200.'],
  });
  const [f] = crossOf(report, RULE);
  assert.ok(f);
  assert.deepEqual(placeNames(f), ['AC-1']);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /GET \/auth\/session/);
});

test('endpoints an FR defines pass, path parameters and query strings included', () => {
  const report = lintParts({
    frs: ['The system must provide GET /workspaces/{id}.'],
    acs: ['When GET /workspaces/42?expand=members is sent, then the status is 200.'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('a different method on a defined path is still undefined', () => {
  const report = lintParts({ frs: ['The system must provide GET /items/{id}.'], acs: ['When DELETE /items/7 is sent, then the status is 204.'] });
  assert.equal(crossOf(report, RULE).length, 1);
});

test('an endpoint the Context describes is a warning, not an error', () => {
  const report = lintParts({
    context: 'Today GET /me returns the signed-in user.',
    frs: ['The system must provide POST /login.'],
    acs: ['Given a session, when GET /me is sent, then the status is 200.'],
  });
  assert.deepEqual(crossOf(report, RULE).map((f) => f.severity), ['warning']);
});

test('several criteria using one undefined endpoint give one finding naming all of them', () => {
  const report = lintParts({ frs: ['The system must provide POST /a.'], acs: ['When GET /b is sent, then 200.', 'When GET /b is sent twice, then 429.'] });
  assert.deepEqual(crossOf(report, RULE).map(placeNames), [['AC-1', 'AC-2']]);
});
