import type { ItemText } from '../../analyze.js';
import type { Lexicon } from '../../lexicon.js';
import { hasQuantity } from '../../text/units.js';
import { findAll, spanAt } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

/** p99, "95th percentile", median… or a comparison of two single requests, which needs none. */
export const PERCENTILE = /\bp\d{2,3}(?:\.\d+)?\b|\b\d{2,3}(?:st|nd|rd|th) percentile\b|\bpercentile\b|\bmedian\b|\baverage\b|\bmean\b|\bmax(?:imum)?\b|\bevery request\b|\beach request\b|\ball requests\b|of each other|\bapart\b/i;

/**
 * Speed, scale and availability words without a number and a unit in the same sentence, and
 * latency without a percentile. Shared by the AC, FR and NFR rules.
 */
export function unquantifiedHits(item: ItemText, lexicon: Lexicon, subject: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const latency = findAll(lexicon.latency, item.masked);
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
    'Speed, scale and reliability words — fast, quickly, responsive, scalable, throughput, latency, reliable — pass or fail only against a number with a unit, in the same sentence. Latency also needs a percentile, because "latency under 200 ms" does not say whether every request or 99 in 100 must meet it. Write "p99 latency under 200 ms at 100 requests per second" or "the page renders within 2 s".',
  check(item, env) {
    return unquantifiedHits(item, env.lexicon, 'the criterion');
  },
};
