import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/error-code-alias';

test('FR-8: seat_cap_hit in a criterion and plan_seats_full in the row for the same scenario are one alias finding', () => {
  const report = lintParts({
    frs: ['The system must provide POST /workspaces/{id}/invites and refuse an invite when the plan has no seat left.'],
    edgeRows: [['Plan seat limit reached', '403', '`{"error":"plan_seats_full"}`', 'No invite row']],
    acs: ['Given a workspace on the Team plan whose 10 seats are all taken, when an admin sends POST /workspaces/{id}/invites, then the response is 403 with `{"error":"seat_cap_hit"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /AC-1 expects seat_cap_hit but the edge case on line \d+ names plan_seats_full .*shared: seat, plan/);
  assert.deepEqual(placeNames(found[0]).map((p) => p.replace(/@\d+/, '')), ['AC-1', 'row']);
  // The alias replaces the two one-sided mismatch findings it explains.
  assert.deepEqual(crossOf(report, 'cross/error-code-mismatch'), []);
});

test('two codes that share a word but describe different scenarios are not aliases', () => {
  const report = lintParts({
    frs: ['The system must provide POST /verify.'],
    edgeRows: [['Token already used', '400', '`{"error":"TOKEN_USED"}`', 'Log WARN']],
    acs: ['Given a token created 20 minutes ago, when POST /verify is sent with it, then the status is 400 with `{"error":"TOKEN_EXPIRED"}`.'],
  });
  assert.deepEqual(crossOf(report, RULE), []);
  assert.equal(crossOf(report, 'cross/error-code-mismatch').length, 2, 'both one-sided codes are still reported');
});
