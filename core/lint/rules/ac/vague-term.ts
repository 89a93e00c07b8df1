import { PERCEPTION, type Lexicon } from '../../lexicon.js';
import type { ItemText } from '../../analyze.js';
import { findAll, overlaps, type Match } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

/** Vague words in an item, literals excluded, names like "Too Many Requests" excluded. Shared with fr/ and nfr/. */
export function vagueMatches(item: ItemText, lexicon: Lexicon): Match[] {
  const exceptions = findAll(lexicon.exceptions, item.masked);
  const general = findAll(lexicon.general, item.masked);
  const predicative = [...findAll(lexicon.predicative, item.masked)].map((m) => {
    // Point at the adjective, not at "is".
    const word = /(\p{L}+)$/u.exec(m.text)![1];
    return { start: m.end - word.length, end: m.end, text: word };
  });
  const perception = (/feel|felt|look|seem|sound/i.test(item.masked) ? findAll(PERCEPTION, item.masked) : []).filter((m) => !overlaps(m, general));
  return [...general, ...predicative, ...perception].filter((m) => !overlaps(m, exceptions)).sort((a, b) => a.start - b.start);
}

export function vagueHit(m: Match): RuleHit {
  return hit(m.start, m.end, `"${m.text}" is vague: two readers can disagree on whether it holds.`, {
    suggestion: 'Replace it with what a tester can observe: a status code, a field value, a row state, a count or the exact text shown.',
  });
}

export const acVagueTerm: ItemRule = {
  id: 'ac/vague-term',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Vague term',
  explanation:
    'Words such as "works", "properly", "correctly", "user-friendly", "gracefully", "appropriate" or "as expected" cannot be checked: one tester passes the criterion, another fails it. Say what is observed instead — "then the response status is 400 and the body is {"error":"TOKEN_EXPIRED"}". Words inside quotes, code spans and JSON are names and are never flagged. Speed words (fast, quickly) are reported by ac/unquantified-performance.',
  check(item, env) {
    return vagueMatches(item, env.lexicon).map(vagueHit);
  },
};
