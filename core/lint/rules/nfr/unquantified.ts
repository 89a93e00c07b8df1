import { hasQuantity } from '../../text/units.js';
import { findAll, phraseRegex, spanAt } from '../../text/words.js';
import { PERCENTILE } from '../ac/unquantified-performance.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

/** Availability, capacity and time words: a statement about them needs a number with a unit. */
const QUALITY = phraseRegex([
  'availability', 'available 24/7', 'highly available', 'uptime', 'downtime', 'fault tolerant', 'fault-tolerant', 'redundant',
  'resilient', 'resilience', 'reliable', 'reliability', 'recovery time', 'rto', 'rpo', 'concurrent', 'concurrency', 'capacity',
  'scale', 'scales', 'scalable', 'scalability', 'peak load', 'heavy load', 'high load', 'under load', 'volume', 'timeout',
  'timeouts', 'time out', 'times out', 'expire', 'expires', 'expiry', 'expiration', 'ttl', 'retention', 'retain', 'retained',
  'kept for', 'stored for', 'duration', 'within', 'deadline', 'interval', 'frequency', 'periodically', 'regularly',
]);

export const nfrUnquantified: ItemRule = {
  id: 'nfr/unquantified',
  level: 'item',
  appliesTo: 'nfr',
  severity: 'error',
  english: true,
  title: 'Unquantified quality requirement',
  explanation:
    'Every performance, availability, capacity or time statement carries a number with a unit in the same sentence — "p99 latency under 200 ms", "99.9% monthly availability", "1,000 concurrent sessions", "tokens expire after 15 minutes" — and latency also carries a percentile. "The endpoint must be fast" or "highly available" cannot be tested or load-tested.',
  check(item, env) {
    const hits: RuleHit[] = [];
    const latency = findAll(env.lexicon.latency, item.masked);
    const terms = [...findAll(env.lexicon.performance, item.masked), ...findAll(QUALITY, item.masked)].sort((a, b) => a.start - b.start);
    let coveredTo = -1;
    for (const m of terms) {
      // "many concurrent" and "concurrent" come from two lists: report the phrase once.
      if (m.start < coveredTo) continue;
      coveredTo = m.end;
      const sentence = spanAt(item.sentences, m.start, item.masked.length);
      const text = item.masked.slice(sentence.start, sentence.end);
      if (!hasQuantity(text)) {
        hits.push(
          hit(m.start, m.end, `"${m.text}" has no number and unit in this statement.`, {
            suggestion: 'State the figure: "p99 under 200 ms", "99.9% per month", "after 15 minutes", "500 concurrent users".',
          }),
        );
      } else if (latency.some((l) => l.start === m.start) && !PERCENTILE.test(text)) {
        hits.push(hit(m.start, m.end, `"${m.text}" needs a percentile (p95, p99).`, { suggestion: 'e.g. "p99 latency under 200 ms".' }));
      }
    }
    return hits;
  },
};
