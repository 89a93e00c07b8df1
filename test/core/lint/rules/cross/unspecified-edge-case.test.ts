import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossOf, lintParts } from '../../helpers.js';

const RULE = 'cross/unspecified-edge-case';

test('FR-8: a row whose code and status no requirement mentions is a warning', () => {
  const report = lintParts({
    frs: ['The system must provide POST /exports that starts a CSV export of the audit log.'],
    edgeRows: [['Export already running', '409', '`{"error":"EXPORT_RUNNING"}`', 'None']],
    acs: ['Given a running export, when POST /exports is sent, then the status is 409 with `{"error":"EXPORT_RUNNING"}`.'],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.match(found[0].message, /"Export already running" answers 409 EXPORT_RUNNING but no requirement specifies it/);
});

test('a row is specified by a requirement that names its code, its number or most of its scenario', () => {
  const report = lintParts({
    frs: [
      'When an export is already running, POST /exports must answer 409 with `{"error":"EXPORT_RUNNING"}`.',
      'Download links must expire after 24 hours.',
      'The system must accept at most 5 exports per hour per user.',
      'An empty audit log must export as a CSV file holding only the header line.',
    ],
    edgeRows: [
      ['Export already running', '409', '`{"error":"EXPORT_RUNNING"}`', 'None'],
      ['Download link older than 24 hours', '410', '`{"error":"LINK_GONE"}`', 'None'],
      ['6th export in one hour', '429', '`{"error":"TOO_MANY_EXPORTS"}`', 'None'],
      ['Empty audit log', '200', 'CSV with the header line', 'None'],
    ],
  });
  assert.deepEqual(crossOf(report, RULE), []);
});

test('a row answering a status some requirement already defines is only a note', () => {
  const report = lintParts({
    frs: ['POST /login must answer 202 with the same body whether or not the email is registered.'],
    edgeRows: [['Account suspended', '202', 'Same body', 'No email']],
  });
  const found = crossOf(report, RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
});
