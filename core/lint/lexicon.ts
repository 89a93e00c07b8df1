import { phraseRegex } from './text/words.js';

/**
 * Words that leave a requirement open to judgement (INCOSE's vague terms). Data, not code:
 * `.specbench.json` adds and removes entries (FR-9). Speed and scale words are kept apart
 * because they are reported by the performance rules, which accept them once a number and
 * a unit are given ("fast: p99 under 200 ms").
 */
export const GENERAL_VAGUE_TERMS: readonly string[] = [
  'works', 'working', 'work as expected', 'properly', 'proper', 'correctly', 'user-friendly', 'user friendly',
  'intuitive', 'intuitively', 'seamless', 'seamlessly', 'robust', 'robustly', 'gracefully', 'graceful',
  'appropriate', 'appropriately', 'as expected', 'reasonable', 'reasonably', 'adequate', 'adequately',
  'sufficient', 'sufficiently', 'easy', 'easily', 'smooth', 'smoothly', 'helpful', 'relevant', 'accurate',
  'accurately', 'timely', 'in a timely manner', 'eventually', 'periodically', 'regularly', 'promptly', 'soon',
  'intelligently', 'intelligent', 'smart', 'nice', 'good', 'great', 'better', 'best', 'optimal', 'optimally',
  'optimized', 'flexible', 'large', 'big', 'huge', 'small', 'tiny', 'many', 'a few', 'numerous', 'various',
  'important', 'sensitive information', 'sensitive data', 'securely', 'state of the art', 'modern', 'clean',
  'in some way', 'somehow', 'something', 'normally', 'typically', 'usually', 'generally', 'mostly',
  'minimal', 'significant', 'significantly', 'substantially', 'recent', 'recently', 'acceptable',
  'effective', 'effectively', 'user experience', 'looks good', 'as well as possible',
  // Judgement words beyond INCOSE's list: each leaves the pass condition to taste.
  'pleasant', 'natural', 'naturally', 'sensible', 'sensibly', 'tidy', 'neat', 'neatly', 'crisp', 'decent', 'fair', 'fairly',
  'obvious', 'obviously', 'polished', 'lightweight', 'modest', 'sizable', 'sizeable', 'legible', 'readable', 'concise',
  'informative', 'friendly', 'meaningful', 'meaningfully', 'elegant', 'elegantly', 'engaging', 'eye-catching', 'excellent',
  'painless', 'hassle', 'carefully', 'thoughtfully', 'thoughtful', 'thorough', 'thoroughly', 'sharp', 'uncluttered',
  'clutter-free', 'precise', 'precisely', 'enough', 'plenty', 'a handful', 'a while', 'a bit', 'in due course', 'at a later time',
  'later on', 'commonly', 'common', 'popular', 'usual', 'key trends', 'key details', 'key information', 'well formatted', 'well-formatted', 'nicely', 'buttery',
  'overwhelming', 'statistically sound', 'short and sweet', 'right people', 'right person', 'right moment', 'right moments', 'right time',
  'looks right', 'stand out', 'stands out', 'up to date', 'up-to-date', 'in sync', 'without hassle', 'at scale', 'lots of',
  'a lot of', 'some', 'certain', 'suitable', 'suitably', 'satisfactory', 'convenient', 'conveniently', 'simple',
  'straightforward', 'high quality', 'high-quality', 'excessive', 'unnecessary', 'rare', 'rarely', 'often', 'frequently',
  'occasionally', 'sometimes', 'nearly', 'mostly', 'largely', 'roughly', 'similar', 'comparable',
];

/** Vague only as a predicate ("is secure", "must be correct"), not as a name ("the correct password"). */
export const PREDICATIVE_VAGUE_TERMS: readonly string[] = [
  'clear', 'complete', 'secure', 'correct', 'fine', 'ok', 'okay', 'consistent', 'stable', 'low', 'high', 'short', 'long', 'narrow',
  'wide', 'safe', 'protected', 'right', 'usable', 'accessible', 'traceable', 'noticeable',
];

export const PERFORMANCE_TERMS: readonly string[] = [
  'fast', 'faster', 'fastest', 'quick', 'quickly', 'quicker', 'slow', 'slowly', 'slower', 'speedy', 'rapid',
  'rapidly', 'responsive', 'responsiveness', 'snappy', 'instant', 'instantly', 'instantaneous',
  'instantaneously', 'performant', 'high performance', 'high-performance', 'performance', 'latency',
  'low latency', 'response time', 'response times', 'load time', 'load times', 'throughput', 'scalable',
  'scalability', 'scales', 'scale to', 'efficient', 'efficiently', 'efficiency', 'real-time', 'real time',
  'heavy load', 'high load', 'peak load', 'under load', 'availability', 'highly available', 'always available',
  'uptime', 'reliable', 'reliably', 'reliability', 'as soon as possible', 'asap', 'in no time', 'lag', 'laggy',
  'without delay', 'no delay', 'concurrent users', 'many concurrent', 'immediately', 'right away', 'straight away',
  'lightning', 'lightning quick', 'little delay', 'noticeable lag', 'without noticeable', 'nearly instantly', 'in a flash', 'fresh',
];

/** Words that mean latency: they need a percentile as well as a number (p99 under 200 ms). */
export const LATENCY_TERMS: readonly string[] = ['latency', 'low latency', 'response time', 'response times', 'load time', 'load times'];

/** Phrases that contain a listed word but are names, not judgements. */
export const VAGUE_EXCEPTIONS: readonly string[] = [
  'too many requests', 'best effort delivery', 'good standing', 'key press', 'key presses', 'api key', 'api keys', 'primary key',
  'foreign key', 'key code', 'some of', 'common name', 'smart plug', 'smart plugs', 'smart home', 'smart card', 'smart cards',
  'smart contract', 'smart tv',
];

/** Perception verbs make any following word a judgement: "feels natural", "looks crisp", "seems fine". */
export const PERCEPTION = /(?<![\p{L}\p{N}_-])(?:feels?|felt|looks?|seems?|sounds?)\s+(?!like\b|for\b|at\b|up\b|into\b|through\b|in\b|the\b|a\b|an\b)(?:\p{L}+ly\s+)?\p{L}+(?![\p{L}\p{N}_-])/giu;

export interface LexiconInput {
  add?: readonly string[];
  remove?: readonly string[];
}

/** The compiled word lists one lint run uses. */
export interface Lexicon {
  general: RegExp | null;
  predicative: RegExp | null;
  performance: RegExp | null;
  latency: RegExp | null;
  exceptions: RegExp | null;
}

export function compileLexicon(input: LexiconInput = {}): Lexicon {
  const removed = new Set((input.remove ?? []).map((t) => t.trim().toLowerCase()));
  const keep = (list: readonly string[]) => list.filter((t) => !removed.has(t.toLowerCase()));
  const predicative = keep(PREDICATIVE_VAGUE_TERMS);
  return {
    general: phraseRegex([...keep(GENERAL_VAGUE_TERMS), ...(input.add ?? [])]),
    predicative: predicative.length
      ? new RegExp(
          `(?<![\\p{L}\\p{N}_-])(?:is|are|be|being|been|remain|remains|stay|stays|look|looks|feel|feels)(?:\\s+\\p{L}+ly|\\s+always|\\s+fully)?\\s+(${predicative.join('|')})(?![\\p{L}\\p{N}_-])`,
          'giu',
        )
      : null,
    performance: phraseRegex(keep(PERFORMANCE_TERMS)),
    latency: phraseRegex(keep(LATENCY_TERMS)),
    exceptions: phraseRegex(VAGUE_EXCEPTIONS),
  };
}
