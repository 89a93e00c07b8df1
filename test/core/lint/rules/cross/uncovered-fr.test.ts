import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts, placeNames } from '../../helpers.js';

const RULE = 'cross/uncovered-fr';

test('an FR no AC covers is a warning naming the FR', () => {
  const report = lintParts({
    frs: ['The system must provide POST /orders.', 'The system must send a receipt email.'],
    acs: ['When POST /orders is sent with 1 item, then the status is 201.'],
  });
  const found = crossOf(report, RULE);
  assert.deepEqual(found.map(placeNames), [['FR-2']]);
  assert.equal(found[0].severity, 'warning');
});

test('coverage by explicit id, error code or shared number', () => {
  const report = lintParts({
    frs: ['The system must send a receipt email.', 'The system must reject a closed cart with CART_CLOSED.', 'The system must expire carts after 30 minutes.'],
    acs: [
      'When an order is placed, then 1 receipt email is sent (FR-1).',
      'Given a closed cart, when POST /checkout is sent, then the body is `{"error":"CART_CLOSED"}`.',
      'Given a cart idle for 30 minutes, when GET /cart is sent, then the status is 404.',
    ],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('nothing is reported when the spec has no criteria at all', () => {
  assert.deepEqual(crossOf(lintParts({ frs: ['The system must a.'], noAcSection: true }), RULE), []);
});
