import type { ItemText } from '../../analyze.js';
import type { Lexicon } from '../../lexicon.js';
import { hasQuantity } from '../../text/units.js';
import { findAll, spanAt } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

/** p99, "95th percentile", median… or a comparison of two single requests, which needs none. */
export const PERCENTILE = /\bp\d{2,3}(?:\.\d+)?\b|\b\d{2,3}(?:st|nd|rd|th) percentile\b|\bpercentile\b|\bmedian\b|\baverage\b|\bmean\b|\bmax(?:imum)?\b|\bevery request\b|\beach request\b|\ball requests\b|of each other|\bapart\b/i;

/** "30% faster", "2x quicker", "three times smaller": a comparative after a ratio. */
const COMPARATIVE = /\b(?:faster|slower|quicker|smaller|larger|bigger|less|more|fewer|higher|lower|shorter|longer|cheaper|better|lighter|heavier)\b/gi;
const RATIO_BEFORE = /(?:^|[^\w.])(?:\d+(?:\.\d+)?\s*(?:%|x|×|times)|twice|half)\s+$/i;
/** The baseline is stated when a number with a unit follows the comparison ("than 1.2 s", "which is 1.5 s"). */
const STATED_BASELINE = /\b(?:than|of|which is|measured at|from)\b[^.;]*?\d/i;

/**
 * Speed, scale and availability words without a number and a unit in the same sentence, and
 * latency without a percentile. Shared by the AC, FR and NFR rules.
 */
export function unquantifiedHits(item: ItemText, lexicon: Lexicon, subject: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const latency = findAll(lexicon.latency, item.masked);
  for (const c of /\d|twice|half/i.test(item.masked) ? findAll(COMPARATIVE, item.masked) : []) {
    const ratio = RATIO_BEFORE.exec(item.masked.slice(Math.max(0, c.start - 24), c.start));
    if (!ratio) continue;
    const lead = ratio[0].length - ratio[0].replace(/^[^\w.]/, '').length;
    const m = { start: c.start - ratio[0].length + lead, end: c.end, text: '' };
    m.text = item.masked.slice(m.start, m.end);
    const sentence = spanAt(item.sentences, m.start, item.masked.length);
    const after = item.masked.slice(m.end, sentence.end);
    if (STATED_BASELINE.test(after) && hasQuantity(after)) continue;
    hits.push(
      hit(m.start, m.end, `"${m.text}" is relative to a baseline that is not given: ${subject} needs the number it is measured against.`, {
        suggestion: 'State the baseline as a number: "under 1.2 s (release 4.2 takes 1.5 s on the same machine)".',
      }),
    );
  }
  for (const m of findAll(lexicon.performance, item.masked)) {
    const sentence = spanAt(item.sentences, m.start, item.masked.length);
    const text = item.masked.slice(sentence.start, sentence.end);
    if (!hasQuantity(text)) {
      hits.push(
        hit(m.start, m.end, `"${m.text}" is not quantified: ${subject} needs a number and a unit.`, {
          suggestion: 'Give the bound, e.g. "p95 under 300 ms at 50 requests per second" or "within 2 s".',
        }),
      );
    } else if (latency.some((l) => l.start === m.start) && !PERCENTILE.test(text)) {
      hits.push(
        hit(m.start, m.end, `"${m.text}" has a number but no percentile: say which requests it bounds.`, {
          suggestion: 'Add a percentile and the load, e.g. "p99 latency under 200 ms at 100 requests per second".',
        }),
      );
    }
  }
  return hits;
}

export const acUnquantifiedPerformance: ItemRule = {
  id: 'ac/unquantified-performance',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Unquantified performance',
  explanation:
    'Speed, scale and reliability words — fast, quickly, responsive, scalable, throughput, latency, reliable — pass or fail only against a number with a unit, in the same sentence. Latency also needs a percentile, because "latency under 200 ms" does not say whether every request or 99 in 100 must meet it. A relative target ("30% faster") needs its baseline as a number too. Write "p99 latency under 200 ms at 100 requests per second" or "the page renders within 2 s".',
  check(item, env) {
    return unquantifiedHits(item, env.lexicon, 'the criterion');
  },
};
