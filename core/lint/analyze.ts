import type { ItemKind } from '../spec/model.js';
import { structure, type Structure } from './text/clauses.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from './text/language.js';
import { maskLiterals, type Literal } from './text/mask.js';
import { sentenceSpans, type Span } from './text/words.js';

/** One item's text prepared once for every rule: literals masked, language, style and parts. */
export interface ItemText {
  kind: ItemKind;
  text: string;
  /** `text` with literals blanked (same length). Rules search this, never `text`. */
  masked: string;
  literals: Literal[];
  /** ISO 639-1 code of the item's language (FR-7), judged outside literals. */
  language: string;
  /** The English rules can read it; otherwise they stay silent and the item is "not checked". */
  english: boolean;
  structure: Structure;
  sentences: Span[];
  /** Sentences cut further at Given/When/Then: the smallest units a statement lives in. */
  clauses: Span[];
}

/**
 * @param checkbox the item's line starts with a task-list box (`- [ ] AC-3: …`), which the
 *   parser keeps out of `text`.
 */
export function analyzeItem(text: string, kind: ItemKind, checkbox = false): ItemText {
  const { masked, literals } = maskLiterals(text);
  const struct =
    kind === 'ac'
      ? structure(masked, checkbox)
      : { style: 'plain' as const, clauses: [{ role: 'body' as const, start: 0, end: text.length }], outcome: [{ start: 0, end: text.length }], trigger: [] };
  const sentences = sentenceSpans(masked);
  const language = detectLanguage(masked);
  return {
    kind,
    text,
    masked,
    literals,
    language,
    english: SUPPORTED_LANGUAGES.includes(language),
    structure: struct,
    sentences,
    clauses: cut(sentences, struct.clauses.map((c) => c.start)),
  };
}

function cut(spans: Span[], at: number[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const point of at) {
      if (point > start && point < span.end) {
        out.push({ start, end: point });
        start = point;
      }
    }
    out.push({ start, end: span.end });
  }
  return out;
}
