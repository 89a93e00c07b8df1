import { GENERAL_VAGUE_TERMS, PERFORMANCE_TERMS, PREDICATIVE_VAGUE_TERMS } from '../../core/lint/lexicon.js';
import { measureAccuracy, type Accuracy, type CorpusEntry, type Verdict } from './accuracy-metrics.js';

/**
 * Trivial verdicts a linter must beat to be worth its rules: one surface cue each (a digit, a
 * quoted literal, inline code), their union, the vague-word lexicon alone, and the union without
 * a lexicon word. If the real verdict did no better than the best of these, a regex would do.
 */
const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lexicon = new RegExp(`\\b(?:${[...GENERAL_VAGUE_TERMS, ...PREDICATIVE_VAGUE_TERMS, ...PERFORMANCE_TERMS, 'should', 'may', 'might'].map(escape).join('|')})\\b`, 'i');

const cue = (test: (text: string) => boolean): Verdict => (text) => ({ binary: test(text), rules: [] });
const hasDigit = (t: string) => /\d/.test(t);
const hasQuote = (t: string) => /["'“”‘’]/.test(t);
const hasCode = (t: string) => /`[^`]+`/.test(t);
const hasAnyCue = (t: string) => hasDigit(t) || hasQuote(t) || hasCode(t);

export const BASELINES: Readonly<Record<string, Verdict>> = {
  'digit present': cue(hasDigit),
  'quote present': cue(hasQuote),
  'code present': cue(hasCode),
  'digit, quote or code present': cue(hasAnyCue),
  'no vague word (lexicon)': cue((t) => !lexicon.test(t)),
  'digit, quote or code present and no vague word': cue((t) => hasAnyCue(t) && !lexicon.test(t)),
};

export interface Baseline {
  name: string;
  accuracy: Accuracy;
}

/** The most accurate trivial baseline on `entries`. */
export function bestBaseline(entries: CorpusEntry[]): Baseline {
  return Object.entries(BASELINES)
    .map(([name, verdict]) => ({ name, accuracy: measureAccuracy(entries, verdict) }))
    .reduce((best, b) => (b.accuracy.accuracy > best.accuracy.accuracy ? b : best));
}
