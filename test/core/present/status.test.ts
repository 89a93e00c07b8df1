import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusKey, statusLabel } from '../../../core/present/status.js';

test('a missing or blank status reads as draft', () => {
  assert.equal(statusLabel(null), 'draft');
  assert.equal(statusLabel(undefined), 'draft');
  assert.equal(statusLabel('   '), 'draft');
});

test('spellings of one status read the same', () => {
  for (const raw of ['in-review', 'In Review', 'IN_REVIEW', ' in  review ']) assert.equal(statusLabel(raw), 'in review', raw);
  assert.equal(statusLabel('APPROVED'), 'approved');
  assert.equal(statusLabel('Draft'), 'draft');
});

test('the badge class has no spaces', () => {
  assert.equal(statusKey('In Review'), 'in-review');
  assert.equal(statusKey(null), 'draft');
});
