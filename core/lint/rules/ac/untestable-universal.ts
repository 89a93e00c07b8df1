import { findAll, phraseRegex } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

const HARD = phraseRegex([
  'always', 'never', 'at all times', 'under all circumstances', 'in all cases', 'in every case', 'without exception', 'forever',
  'no matter what', 'all the time', 'at any time', 'any time', 'everything', 'anything', 'everyone', 'everybody', 'anyone', 'anybody',
]);
const SOFT = phraseRegex(['all', 'any', 'every']);
/**
 * A bound in the same sentence makes "never" checkable: a count or time window ("never more
 * than 5 within 60 minutes", "for the 10 requests"), a threshold, or a named scope ("for that
 * user", "in that response"). A number that is only the outcome ("never returns 500") is no bound.
 */
const HARD_BOUND =
  /\b\d+\s*(?:requests?|attempts?|calls?|times|runs?|retries|events|messages|ms|s|sec|seconds?|min|minutes?|h|hours?|days?|weeks?)\b|\b(?:below|above|under|over|more than|less than|fewer than|at most|at least|exceeds?|up to)\s+\d|\bduring\b|\bwithin\b|\bwhose\b|\bfor the\b|\bin that\b|\bin this\b|\bof that\b|\bin the same\b|\bthroughout the\b|\b(?:for|to|of|on|in) (?:that|this|the same|each|the given) \p{L}+|(?<![\p{L}\p{N}])\/[\p{L}*]/iu;
/** "all 10 entries", "every response from /api/*", "every row for that user" name a closed set. */
const SOFT_BOUND = /\d|\/|\b(?:in|of|from|for|returned|listed|whose|that|inside|within|on|at|under|by|with)\b/i;

export const acUntestableUniversal: ItemRule = {
  id: 'ac/untestable-universal',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Unbounded universal',
  explanation:
    '"always", "never", "everything" and "anyone" claim something about every future moment or every possible input, which no test can show. Bound it to what the test does: "for the 10 requests in the test, …", "in the response to that request, …", "within 60 minutes". "all", "any" and "every" are reported as warnings when no set follows them ("every response from /api/*" is bounded; "all screen sizes" is not). In the Given and When parts they describe the setup and are not flagged.',
  check(item) {
    const setup = item.structure.trigger;
    const hits: RuleHit[] = [];
    const sentenceOf = (offset: number) => item.sentences.find((s) => offset >= s.start && offset < s.end) ?? { start: 0, end: item.masked.length };
    for (const m of findAll(HARD, item.masked)) {
      const s = sentenceOf(m.start);
      if (HARD_BOUND.test(item.masked.slice(s.start, s.end))) continue;
      hits.push(
        hit(m.start, m.end, `"${m.text}" has no bound a test could reach.`, {
          suggestion: 'Bound it to the test: a count of requests, a time window, one named response or row.',
        }),
      );
    }
    for (const m of findAll(SOFT, item.masked)) {
      if (setup.some((c) => m.start >= c.start && m.start < c.end)) continue;
      const following = item.masked.slice(m.end, m.end + 60).split(/\s+/).slice(0, 7).join(' ');
      if (SOFT_BOUND.test(following)) continue;
      hits.push(hit(m.start, m.end, `"${m.text}" names no closed set: say which ones.`, { severity: 'warning' }));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
