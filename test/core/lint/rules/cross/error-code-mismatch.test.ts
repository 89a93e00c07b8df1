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

test('AC-8: a criterion expecting 409 conflict_detected that no row or FR mentions is reported; an FR naming it is enough', () => {
  const ac = 'Given an order already submitted, when POST /orders is sent again with the same idempotency key, then the response is 409 `conflict_detected`.';
  const missing = crossOf(lintParts({ frs: ['The system must provide POST /orders.'], edgeRows: rows, acs: [ac] }), RULE);
  assert.ok(missing.some((f) => /^409 conflict_detected is expected by AC-1 but the edge-case table has no row for it and no requirement mentions it\.$/.test(f.message)));
  const named = crossOf(lintParts({ frs: ['POST /orders must answer 409 with error code `conflict_detected` when the idempotency key was used.'], acs: [ac] }), RULE);
  assert.deepEqual(named, []);
});

test('lower-case column names are not error codes; lower-case codes in an error field are', () => {
  const report = lintParts({
    frs: ['The system must provide POST /verify and set used_at on the token_hash row.'],
    acs: ['When POST /verify is sent, then used_at is set and created_at is unchanged.', 'When POST /verify is sent twice, then the body is `{"error":"token_reused"}`.'],
  });
  assert.deepEqual(crossOf(report, RULE).map((f) => f.message), ['token_reused is expected by AC-2 but no requirement mentions it.']);
});
