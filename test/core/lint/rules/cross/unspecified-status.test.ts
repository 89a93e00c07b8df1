import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/unspecified-status';

test('FR-8: a criterion expecting 409 that no row and no requirement mentions is reported', () => {
  const report = lintParts({
    frs: ['The system must provide POST /items.'],
    edgeRows: [['Item name missing', '422', '`{"error":"NAME_MISSING"}`', 'None']],
    acs: ['Given an item named "a", when POST /items is sent again with the name "a", then the response status is 409.', 'When POST /items is sent without a name, then the status is 422 with `{"error":"NAME_MISSING"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].message, 'AC-1 expects status 409 but no edge-case row or requirement mentions it.');
  assert.deepEqual(placeNames(found[0]), ['AC-1']);
});

test('a status an FR names, or a count that only looks like a status, is not reported', () => {
  const report = lintParts({
    frs: ['The system must answer POST /items with 409 when the name is taken.', 'POST /items must accept at most 500 requests per 10 minutes.'],
    acs: ['Given an item named "a", when POST /items is sent with "a", then the status is 409.', 'Given 500 requests in 10 minutes, when one more is sent, then it waits.'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('409 next to a code nobody defines is one finding, by error-code-mismatch, naming both', () => {
  const report = lintParts({
    frs: ['The system must provide POST /items.'],
    acs: ['When POST /items is sent twice with the same key, then the response is 409 `conflict_detected`.'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
  const mismatch = crossOf(report, 'cross/error-code-mismatch');
  assert.equal(mismatch.length, 1);
  assert.match(mismatch[0].message, /^409 conflict_detected is expected by AC-1 but /);
});
