import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import fc from 'fast-check';
import { anchorFinding, anchorQuote } from '../../../core/review/anchor.js';
import { bestApproximateMatch, mayMatchWithin, qGrams } from '../../../core/review/fuzzy.js';

const body = 'The endpoint **must** reply 202 Accepted with `{"message": "ok"}`.\nLinks expire after 15 minutes, and\n  a used link   fails with 400.\n';

describe('anchorQuote', () => {
  it('finds an exact quote at its offsets', () => {
    const a = anchorQuote(body, 'Links expire after 15 minutes');
    assert.ok(a.kind === 'exact', a.kind);
    assert.equal(body.slice(a.start, a.end), 'Links expire after 15 minutes');
  });

  it('ignores case, whitespace runs, typographic quotes and emphasis marks in the second tier', () => {
    const a = anchorQuote(body, 'the endpoint must reply 202 ACCEPTED with {\u201cmessage\u201d: \u201cok\u201d}');
    assert.ok(a.kind === 'normalized', a.kind);
    assert.equal(body.slice(a.start, a.end), 'The endpoint **must** reply 202 Accepted with `{"message": "ok"}');

    const b = anchorQuote(body, 'and a used link fails with 400.');
    assert.ok(b.kind === 'normalized', b.kind);
    assert.equal(body.slice(b.start, b.end), 'and\n  a used link   fails with 400.');
  });

  it('falls back to the best fuzzy match above the threshold', () => {
    const a = anchorQuote(body, 'Links expires after fifteen minutes');
    assert.equal(a.kind, 'unanchored', 'too different: below the default threshold');
    const b = anchorQuote(body, 'Link expire after 15 minute, and');
    assert.ok(b.kind === 'fuzzy', b.kind);
    assert.ok(b.score >= 0.8 && b.score < 1, `score ${b.score}`);
    assert.match(body.slice(b.start, b.end), /^Links? expire after 15 minutes?, and$/);
  });

  it('reports a quote that is not there, and an empty one, as unanchored', () => {
    const missing = anchorQuote(body, 'Passwords are hashed with bcrypt at cost 12');
    assert.ok(missing.kind === 'unanchored');
    assert.equal(missing.reason, 'not-found');
    const empty = anchorQuote(body, '   ');
    assert.ok(empty.kind === 'unanchored');
    assert.equal(empty.reason, 'empty-quote');
    const short = anchorQuote(body, 'xyz 2');
    assert.equal(short.kind, 'unanchored', 'short quotes are never matched fuzzily');
  });

  it('honours a stricter threshold', () => {
    assert.equal(anchorQuote(body, 'Link expire after 15 minute, and', { threshold: 0.99 }).kind, 'unanchored');
  });
});

describe('anchorFinding', () => {
  const doc = parseSpec(readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8'));

  it('places a quote of a section in document offsets, lines and columns', () => {
    const quote = 'The system must treat a magic link token as expired once 15 minutes have passed since its creation.';
    const a = anchorFinding(doc, { section: 'functional', quote });
    assert.equal(a.status, 'anchored');
    assert.ok(a.status === 'anchored');
    assert.equal(doc.source.slice(a.start, a.end), quote);
    const line = doc.source.split('\n')[a.startLine - 1];
    assert.equal(line.slice(a.startColumn - 1, a.startColumn - 1 + 20), quote.slice(0, 20));
    assert.equal(doc.sections[a.sectionIndex].key, 'functional');
  });

  it('does not look outside the named section', () => {
    // This sentence is in Functional Requirements, not in Context.
    const a = anchorFinding(doc, { section: 'context', quote: 'The system must treat a magic link token as expired' });
    assert.equal(a.status, 'unanchored');
  });

  it('reports a section the document lacks', () => {
    const a = anchorFinding(parseSpec('# T\n\n## Context\n\nx\n'), { section: 'edgeCases', quote: 'x' });
    assert.deepEqual(a, { status: 'unanchored', reason: 'no-section', sectionIndex: null, score: 0 });
  });
});

describe('fuzzy search', () => {
  it('never rules out a quote that is within the allowed edits of the text (q-gram filter is safe)', () => {
    const text = 'the system must accept at most 5 calls per email address within a rolling 60-minute window, keeping the count in postgresql.';
    const grams = qGrams(text);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 20, max: 60 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('sub', 'del', 'ins')), { maxLength: 6 }), (from, length, edits) => {
        let quote = text.slice(from, from + length);
        for (const [at, op] of edits) {
          const i = at % Math.max(1, quote.length);
          quote = op === 'sub' ? quote.slice(0, i) + '#' + quote.slice(i + 1) : op === 'del' ? quote.slice(0, i) + quote.slice(i + 1) : quote.slice(0, i) + '#' + quote.slice(i);
        }
        const match = bestApproximateMatch(quote, text);
        assert.ok(match && match.distance <= edits.length);
        return mayMatchWithin(quote, grams, edits.length);
      }),
    );
  });
});
