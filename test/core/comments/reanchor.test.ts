import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSelector, indexDocument, reanchor, type Placement, type TextSelector } from '../../../core/comments/index.js';

const sample = readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8');
const AC4 = 'Given a magic_link_tokens row whose used_at is already set, when POST /auth/magic-link/verify is sent with the matching raw token, then the response status is 400, the body is `{"error":"TOKEN_USED"}`, and 1 WARN log event for a used token is written.';

function select(text: string, quote: string, occurrence = 0): TextSelector {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `quote not in text: ${quote}`);
  return createSelector(indexDocument(text), at, at + quote.length);
}

function placedText(text: string, placement: Placement): string | null {
  return placement.status === 'attached' ? text.slice(placement.start, placement.end) : null;
}

test('a selection inside AC-4 is anchored to AC-4 with quote, context and position', () => {
  const sel = select(sample, 'used_at is already set');
  assert.equal(sel.requirementId, 'AC-4');
  assert.equal(sel.exact, 'used_at is already set');
  assert.equal(sel.prefix, sample.slice(sel.start - 32, sel.start));
  assert.equal(sel.suffix, sample.slice(sel.end, sel.end + 32));
  assert.equal(sel.wholeRequirement, false);
  assert.equal(select(sample, AC4).wholeRequirement, true);
  assert.equal(select(sample, 'Token already used').requirementId, 'row:Token already used');
  assert.equal(select(sample, '## Context').requirementId, null);
});

test('AC-1 (core): a comment on AC-4 stays on AC-4 after AC-4 is reworded around and inside its quote', () => {
  const phrase = select(sample, 'used_at is already set');
  const reworded = sample.replace('Given a magic_link_tokens row whose used_at', 'Given one magic_link_tokens row (already verified) whose used_at');
  const p1 = reanchor(phrase, indexDocument(reworded));
  assert.deepEqual([p1.status, placedText(reworded, p1), p1.status === 'attached' && p1.requirementId, p1.status === 'attached' && p1.method], ['attached', 'used_at is already set', 'AC-4', 'id']);

  const whole = select(sample, AC4);
  const rewordedAc4 = AC4.replace('Given a magic_link_tokens row whose used_at is already set', 'Given a token row that was already used (used_at set)');
  const text2 = sample.replace(AC4, rewordedAc4);
  const p2 = reanchor(whole, indexDocument(text2));
  assert.equal(p2.status, 'attached');
  assert.equal(placedText(text2, p2), rewordedAc4);
  assert.equal(p2.status === 'attached' && p2.requirementId, 'AC-4');
});

test('a quote whose words changed slightly is found fuzzily; a deleted quote is outdated, never moved', () => {
  const sel = select(sample, 'the raw token string appears in no column of that row');
  const edited = sample.replace('the raw token string appears in no column of that row', 'the raw token string appears in no column of the row');
  const p = reanchor(sel, indexDocument(edited));
  assert.equal(p.status, 'attached');
  assert.equal(p.status === 'attached' && p.method, 'fuzzy');
  assert.equal(placedText(edited, p), 'the raw token string appears in no column of the row');

  const deleted = sample.replace(AC4, 'Given a used token, when it is verified again, then the response status is 400.');
  const gone = reanchor(select(sample, 'used_at is already set'), indexDocument(deleted));
  assert.deepEqual(gone, { status: 'outdated', reason: 'not-found' });
});

test('a renumbered requirement with the same text is followed and its id updated (AC-4 → AC-5)', () => {
  const sel = select(sample, AC4);
  const inserted = sample.replace('- **AC-4:**', '- **AC-4:** Given a revoked token, when it is verified, then the status is 400.\n- **AC-5:**').replace('- **AC-5:** Given an unused', '- **AC-6:** Given an unused');
  const p = reanchor(sel, indexDocument(inserted));
  assert.equal(p.status, 'attached');
  assert.equal(placedText(inserted, p), AC4);
  assert.equal(p.status === 'attached' && p.requirementId, 'AC-5');
});

test('a quote appearing twice: context chooses; a true tie is outdated, not a guess', () => {
  const base = 'alpha beta REPEAT gamma delta\n';
  const sel = select(base, 'REPEAT');
  const twice = 'zeta eta REPEAT theta\n' + base;
  const p = reanchor(sel, indexDocument(twice));
  assert.equal(p.status === 'attached' && p.start, twice.indexOf('alpha beta REPEAT') + 'alpha beta '.length);

  const tieText = 'x alpha beta REPEAT gamma delta\nalpha beta REPEAT gamma delta y';
  const tieSel = createSelector(indexDocument('alpha beta REPEAT gamma delta'), 11, 17);
  // Both copies share the full context; stored position 11 is 2 from the first (13) and 21 from the second (32).
  const near = reanchor(tieSel, indexDocument(tieText));
  assert.equal(near.status === 'attached' && near.start, 13);
  const symmetric = 'q alpha beta REPEAT gamma delta|alpha beta REPEAT gamma delta q';
  // Copies at 13 and 43, same context, stored position 28: equally far from both.
  const exactTie = reanchor({ ...tieSel, prefix: 'alpha beta ', suffix: ' gamma delta', start: 28, end: 34 }, indexDocument(symmetric));
  assert.deepEqual(exactTie, { status: 'outdated', reason: 'ambiguous' });
});

test('a short quote found only in unrelated surroundings is outdated, not attached there', () => {
  const sel = select('the token expires after 15 minutes\n', 'expires');
  const p = reanchor(sel, indexDocument('a session never ends; it expires when revoked\n'));
  assert.equal(p.status, 'outdated');
});
