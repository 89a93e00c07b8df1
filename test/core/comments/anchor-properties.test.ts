import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSelector, indexDocument, reanchor, refreshSelector, type TextSelector } from '../../../core/comments/index.js';

// NFR-3 / AC-6. Filler text is lower-case words; a comment's quote is upper-case, so a quote can
// only reappear when a test puts it there. Each run is a sequence of 1–8 edits, re-anchoring
// after each one as the editor does, so the selector follows the text step by step.
const RUNS = 250;

const word = fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 7 });
const filler = fc.array(fc.oneof(word, fc.constant('\n'), fc.constant('- ')), { minLength: 0, maxLength: 60 }).map((parts) => parts.join(' '));
const quote = fc.string({ unit: fc.constantFrom(...'KLMNOPQRSTUVWXYZ '), minLength: 3, maxLength: 40 }).filter((q) => q.trim().length >= 3);

/** An edit as fractions of the document, resolved against the text it applies to. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  insert: fc.oneof(filler, fc.constant('')),
});

type Edit = { at: number; length: number; insert: string };

function apply(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Places the fractional edit strictly outside [qs, qe): before or after the quote, never touching it. */
function outside(text: string, qs: number, qe: number, e: Edit): { start: number; end: number; before: boolean } {
  const beforeRoom = qs;
  const afterRoom = text.length - qe;
  const pickBefore = e.at < 0.5 ? beforeRoom > 0 || afterRoom === 0 : afterRoom === 0;
  if (pickBefore) {
    const start = Math.floor(((e.at * 2) % 1) * (beforeRoom + 1));
    return { start, end: Math.min(qs, start + e.length), before: true };
  }
  const start = qe + Math.floor(((e.at * 2) % 1) * (afterRoom + 1));
  return { start: Math.min(start, text.length), end: Math.min(text.length, start + e.length), before: false };
}

test(`property: edits that do not touch a comment's quote leave it on the same text (${RUNS} sequences)`, () => {
  fc.assert(
    fc.property(filler, quote, filler, fc.array(edit, { minLength: 1, maxLength: 8 }), (head, q, tail, edits) => {
      let text = `${head} ${q} ${tail}`;
      let qs = head.length + 1;
      let qe = qs + q.length;
      let selector: TextSelector = createSelector(indexDocument(text), qs, qe);
      for (const e of edits) {
        const { start, end, before: isBefore } = outside(text, qs, qe, e);
        text = apply(text, start, end, e.insert);
        if (isBefore) {
          const shift = e.insert.length - (end - start);
          qs += shift;
          qe += shift;
        }
        const index = indexDocument(text);
        const placement = reanchor(selector, index);
        assert.equal(placement.status, 'attached', `lost the quote after an edit at ${start}-${end}`);
        if (placement.status !== 'attached') return;
        assert.deepEqual([placement.start, placement.end], [qs, qe]);
        assert.equal(text.slice(placement.start, placement.end), q);
        selector = refreshSelector(index, placement.start, placement.end);
      }
    }),
    { numRuns: RUNS },
  );
});

test(`property: an edit that deletes a comment's quote makes it outdated, never attached elsewhere (${RUNS} sequences)`, () => {
  fc.assert(
    fc.property(
      filler,
      quote,
      filler,
      fc.array(edit, { maxLength: 4 }),
      fc.nat({ max: 20 }),
      fc.nat({ max: 20 }),
      filler,
      fc.array(edit, { maxLength: 3 }),
      (head, q, tail, before, extendLeft, extendRight, replacement, after) => {
        let text = `${head} ${q} ${tail}`;
        let qs = head.length + 1;
        let qe = qs + q.length;
        let selector: TextSelector = createSelector(indexDocument(text), qs, qe);
        for (const e of before) {
          const { start, end, before: isBefore } = outside(text, qs, qe, e);
          text = apply(text, start, end, e.insert);
          if (isBefore) {
            qs += e.insert.length - (end - start);
            qe = qs + q.length;
          }
          const index = indexDocument(text);
          const p = reanchor(selector, index);
          if (p.status === 'attached') selector = refreshSelector(index, p.start, p.end);
        }
        // The deleting edit covers the whole quote (and maybe some text around it).
        text = apply(text, Math.max(0, qs - extendLeft), Math.min(text.length, qe + extendRight), replacement);
        assert.equal(reanchor(selector, indexDocument(text)).status, 'outdated');
        for (const e of after) {
          const start = Math.floor(e.at * text.length);
          text = apply(text, start, Math.min(text.length, start + e.length), e.insert);
          assert.equal(reanchor(selector, indexDocument(text)).status, 'outdated');
        }
      },
    ),
    { numRuns: RUNS },
  );
});

test(`property: with copies of the quote elsewhere in other surroundings, the comment stays on its own copy (${RUNS} sequences)`, () => {
  fc.assert(
    fc.property(filler, quote.filter((q) => q.trim().length >= 6), filler, fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 6 }), (head, q, tail, edits) => {
      let text = `${head} ${q} ${tail}`;
      let qs = head.length + 1;
      let qe = qs + q.length;
      let selector = createSelector(indexDocument(text), qs, qe);
      for (const [e, copy] of edits) {
        const { start, end, before: isBefore } = outside(text, qs, qe, e);
        // A pasted copy keeps a few characters of gap so its context differs from the original's.
        const insert = copy ? ` zz${e.insert}zz ${q} zz${e.insert}zz ` : e.insert;
        text = apply(text, start, end, insert);
        if (isBefore) {
          qs += insert.length - (end - start);
          qe = qs + q.length;
        }
        const index = indexDocument(text);
        const p = reanchor(selector, index);
        // Never on another copy: on its own text, or (only if the copies are truly indistinguishable) outdated.
        if (p.status === 'attached') {
          assert.deepEqual([p.start, p.end], [qs, qe]);
          selector = refreshSelector(index, p.start, p.end);
        } else {
          assert.equal(p.reason, 'ambiguous');
          return;
        }
      }
    }),
    { numRuns: RUNS },
  );
});
