import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts } from '../../helpers.js';

const RULE = 'cross/untested-edge-case';

test('a row no AC exercises is a warning naming the row', () => {
  const report = lintParts({
    edgeRows: [
      ['Account suspended', '202', 'same body', 'No email'],
      ['Token used', '400', '`{"error":"TOKEN_USED"}`', 'Log WARN'],
    ],
    acs: ['When POST /verify is sent with a used token, then the body is `{"error":"TOKEN_USED"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Account suspended/);
  assert.equal(found[0].places[0].kind, 'row');
  assert.equal(found[0].severity, 'warning');
});

test('a row without a code is covered by its status in the same scenario', () => {
  const report = lintParts({
    edgeRows: [['Email not found', '202', 'same body', 'No token row']],
    acs: ['Given an email that matches no user, when POST /request is sent, then the status is 202.'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('a row with an error code needs a criterion expecting that code', () => {
  const report = lintParts({
    edgeRows: [['Token malformed', '400', '`{"error":"TOKEN_INVALID"}`', 'Log WARN']],
    acs: ['Given a used token, when POST /verify is sent, then the status is 400 with `{"error":"TOKEN_USED"}`.'],
  });
  assert.equal(crossOf(report, RULE).length, 1);
});
