import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeTime } from '../../../core/present/relative-time.js';

const now = Date.parse('2026-06-15T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

test('relative times: seconds, minutes, hours, yesterday, days, then the date', () => {
  assert.equal(relativeTime(ago(10), now), 'just now');
  assert.equal(relativeTime(ago(44), now), 'just now');
  assert.equal(relativeTime(ago(5 * 60), now), '5 min ago');
  assert.equal(relativeTime(ago(3 * 3600), now), '3 h ago');
  assert.equal(relativeTime(ago(26 * 3600), now), 'yesterday');
  assert.equal(relativeTime(ago(4 * 86400), now), '4 days ago');
  assert.equal(relativeTime(ago(40 * 86400), now), new Date(now - 40 * 86400 * 1000).toLocaleDateString());
});

test('a time that is not a date comes back as it was', () => {
  assert.equal(relativeTime('not a date', now), 'not a date');
});
