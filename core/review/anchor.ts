import { LineIndex } from '../markdown/lines.js';
import type { SpecDocument, SpecSection } from '../spec/model.js';
import { bestApproximateMatch, mayMatchWithin, qGrams } from './fuzzy.js';
import { normalizeWithMap, type NormalizedText } from './normalize.js';

export type AnchorKind = 'exact' | 'normalized' | 'fuzzy';

/** Where a quote sits in a section body, or that it could not be placed. */
export type QuoteAnchor =
  | { kind: AnchorKind; start: number; end: number; score: number }
  | { kind: 'unanchored'; score: number; reason: 'empty-quote' | 'not-found' };

export interface AnchorOptions {
  /** Lowest similarity (1 − distance / quote length) a fuzzy match needs. */
  threshold?: number;
  /** Quotes shorter than this (normalized) are never matched fuzzily: too easy to misplace. */
  minFuzzyLength?: number;
  /** Skip the fuzzy tier when quote length × body length exceeds this (a 5 MB section). */
  maxFuzzyCells?: number;
}

export const DEFAULT_FUZZY_THRESHOLD = 0.8;

/**
 * Finds `quote` in `body`: exactly, then ignoring case, whitespace, typographic quotes and
 * emphasis marks, then as the best approximate match scoring at least the threshold.
 * Offsets are into `body`.
 */
export function anchorQuote(body: string, quote: string, options: AnchorOptions = {}): QuoteAnchor {
  const threshold = options.threshold ?? DEFAULT_FUZZY_THRESHOLD;
  if (quote.trim() === '') return { kind: 'unanchored', score: 0, reason: 'empty-quote' };

  const exact = body.indexOf(quote);
  if (exact !== -1) return { kind: 'exact', start: exact, end: exact + quote.length, score: 1 };

  const nBody = normalizedBody(body);
  const nQuote = normalizeWithMap(quote).text;
  if (nQuote === '') return { kind: 'unanchored', score: 0, reason: 'empty-quote' };
  const at = nBody.text.indexOf(nQuote);
  if (at !== -1) return { kind: 'normalized', ...toOriginal(nBody.map, at, at + nQuote.length), score: 1 };

  const cells = nQuote.length * nBody.text.length;
  if (nQuote.length < (options.minFuzzyLength ?? 8) || cells > (options.maxFuzzyCells ?? 50_000_000)) {
    return { kind: 'unanchored', score: 0, reason: 'not-found' };
  }
  const maxDistance = Math.floor((1 - threshold) * nQuote.length);
  if (!mayMatchWithin(nQuote, nBody.grams, maxDistance)) return { kind: 'unanchored', score: 0, reason: 'not-found' };
  const match = bestApproximateMatch(nQuote, nBody.text);
  if (!match || match.end <= match.start) return { kind: 'unanchored', score: 0, reason: 'not-found' };
  const score = Math.max(0, 1 - match.distance / nQuote.length);
  if (score < threshold) return { kind: 'unanchored', score, reason: 'not-found' };
  return { kind: 'fuzzy', ...toOriginal(nBody.map, match.start, match.end), score };
}

// Anchoring a batch of findings normalizes the same few section bodies again and again;
// remembering the last ones keeps that to once per body. Keyed by the text itself, so an
// edited body is simply a new entry.
const recentBodies = new Map<string, NormalizedText & { grams: Set<string> }>();

function normalizedBody(body: string): NormalizedText & { grams: Set<string> } {
  let hit = recentBodies.get(body);
  if (!hit) {
    const normalized = normalizeWithMap(body);
    hit = { ...normalized, grams: qGrams(normalized.text) };
    recentBodies.set(body, hit);
    if (recentBodies.size > 16) recentBodies.delete(recentBodies.keys().next().value as string);
  }
  return hit;
}

function toOriginal(map: number[], start: number, end: number): { start: number; end: number } {
  return { start: map[start], end: map[end - 1] + 1 };
}

/**
 * The section a finding names: by template key first, then by heading text as written
 * (for sections the template does not know). Duplicated sections resolve to the first.
 */
export function findSection(doc: SpecDocument, name: string): { index: number; section: SpecSection } | null {
  const byKey = doc.sections.findIndex((s) => s.key === name && s.duplicateOf === undefined);
  if (byKey !== -1) return { index: byKey, section: doc.sections[byKey] };
  const wanted = name.trim().toLowerCase();
  const byHeading = doc.sections.findIndex((s) => (s.heading ?? '').trim().toLowerCase() === wanted);
  return byHeading === -1 ? null : { index: byHeading, section: doc.sections[byHeading] };
}

/** A finding's place in the document, ready for an editor decoration. */
export type FindingAnchor =
  | {
      status: 'anchored';
      kind: AnchorKind;
      score: number;
      sectionIndex: number;
      /** Offsets in the section body (for a per-section editor pane). */
      bodyStart: number;
      bodyEnd: number;
      /** Offsets in the whole document. */
      start: number;
      end: number;
      /** 1-based, in the whole document; `end` is just past the quote. */
      startLine: number;
      startColumn: number;
      endLine: number;
      endColumn: number;
    }
  | { status: 'unanchored'; reason: 'no-section' | 'empty-quote' | 'not-found'; sectionIndex: number | null; score: number };

/**
 * Anchors a finding against the current document. A finding whose quote no longer exists is
 * `unanchored` with reason `not-found`: the panel shows it as outdated and disables Apply.
 */
export function anchorFinding(
  doc: SpecDocument,
  finding: { section: string; quote: string },
  options: AnchorOptions = {},
  lines: LineIndex = new LineIndex(doc.source),
): FindingAnchor {
  const found = findSection(doc, finding.section);
  if (!found) return { status: 'unanchored', reason: 'no-section', sectionIndex: null, score: 0 };
  const anchor = anchorQuote(found.section.body, finding.quote, options);
  if (anchor.kind === 'unanchored') return { status: 'unanchored', reason: anchor.reason, sectionIndex: found.index, score: anchor.score };
  const start = found.section.bodyStart + anchor.start;
  const end = found.section.bodyStart + anchor.end;
  const a = lines.position(start);
  const b = lines.position(end);
  return {
    status: 'anchored',
    kind: anchor.kind,
    score: anchor.score,
    sectionIndex: found.index,
    bodyStart: anchor.start,
    bodyEnd: anchor.end,
    start,
    end,
    startLine: a.line,
    startColumn: a.column,
    endLine: b.line,
    endColumn: b.column,
  };
}

/** Anchors many findings against one document, sharing the line index. */
export function anchorFindings<F extends { section: string; quote: string }>(
  doc: SpecDocument,
  findings: readonly F[],
  options: AnchorOptions = {},
): Array<{ finding: F; anchor: FindingAnchor }> {
  const lines = new LineIndex(doc.source);
  return findings.map((finding) => ({ finding, anchor: anchorFinding(doc, finding, options, lines) }));
}
