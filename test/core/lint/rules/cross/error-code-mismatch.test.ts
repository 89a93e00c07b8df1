import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/error-code-mismatch';
const rows = [
  ['Token expired', '400', '`{"error":"TOKEN_EXPIRED"}`', 'Log WARN'],
  ['Token used', '400', '`{"error":"TOKEN_USED"}`', 'Log WARN'],
];

test('an AC code missing from the table and a table code no AC exercises are both reported', () => {
  const report = lintParts({
    frs: ['The system must provide POST /verify.'],
    edgeRows: rows,
    acs: ['When POST /verify is sent with an old token, then the body is `{"error":"TOKEN_EXPIRED"}`.', 'When POST /verify is sent with a bad token, then the body is `{"error":"TOKEN_BAD"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /TOKEN_BAD/);
  assert.deepEqual(placeNames(found[0]), ['AC-2']);
  assert.match(found[1].message, /TOKEN_USED/);
  assert.equal(found[1].places[0].kind, 'row');
  assert.ok(found.every((f) => f.severity === 'warning'));
});

test('placeholders like {APP_BASE_URL} are not error codes', () => {
  const report = lintParts({ edgeRows: rows.slice(0, 1), acs: ['Then the link is `{APP_BASE_URL}/verify` and the body is `{"error":"TOKEN_EXPIRED"}`.'] });
  assert.deepEqual(crossOf(report, RULE), []);
});
