import type { ItemText } from '../../analyze.js';
import { withDigits } from '../../text/number-words.js';
import { overlaps, type Span } from '../../text/words.js';
import { hit, type ItemRule } from '../rule.js';

/**
 * What a tester can see, each a pattern over the masked outcome text: numbers (status codes,
 * counts, bounds), headers and cookies, rows and columns, log levels, UI states, paths,
 * identifiers such as `used_at` or `users.locked_until`, and comparisons.
 */
const EVIDENCE: RegExp[] = [
  /(?<![\p{L}_])\d+(?!st\b|nd\b|rd\b|th\b)/u,
  /\b[1-5]xx\b/i,
  /\b(?:headers?|cookies?|set-cookie|rows?|columns?|tables?|records?|null|exit code|exits with)\b/i,
  /\b(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL)\b/,
  /\b(?:disabled|enabled|hidden|visible|invisible|unchecked|checked|selected|deselected|focused|greyed out|read-only|collapsed|expanded)\b/i,
  /\b(?:opens|shows|displays|navigates to|lands on)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(?:screen|page|dialog|modal|tab|view|panel)\b/iu,
  /(?<![\p{L}\p{N}])\/[\p{L}*]/u,
  /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/,
  /\b(?!e\.g\b|i\.e\b)[a-z][a-z0-9]*\.[a-z_][a-z0-9_]*\b/,
  /\b(?:equals|equal to|matches|identical|byte for byte|unchanged|ids?)\b/i,
  // A stated order: "newest first", "sorted by date", "in alphabetical order".
  /\b(?:in (?:[a-z]+[ -])?order|(?:ascending|descending)|(?:newest|oldest|latest|earliest|lowest|highest|largest|smallest|first|last) (?:first|last|at the top|at the bottom)|(?:sorted|ordered|grouped) by|at the (?:top|bottom) of)\b/i,
  // An element with a named state: a colour, a text style, pressed, focus, shown or hidden.
  /\b(?:red|green|blue|yellow|orange|grey|gray|bold|italic|underlined|strikethrough|highlighted|outlined|pressed|locks?|locked|unlocks?|unlocked|hides?|hidden|closes|closed|disappears?|focus)\b/i,
  // A value computed from the setup: "drops by the sum of", "equal to the unused days times …".
  /\b(?:sum of|difference between|times the|(?:increases?|decreases?|drops?|rises?|grows?|falls?) by)\b/i,
  // Absence is observable: "posts no message", "shows no events".
  /\b(?:no|none of the)\s+(?!delay\b|lag\b|longer\b|more\b|matter\b|problems?\b|issues?\b)[a-z]{3,}/i,
  // The Nth element of something: "the first cell", "the second row".
  /\b(?:first|second|third|last)\s+(?:[a-z]+\s+)?(?:cell|row|item|column|tab|line|position|element|result|entry|field|step|page)\b/i,
];

export function hasEvidence(item: ItemText, spans: Span[]): boolean {
  if (item.literals.some((l) => overlaps(l, spans))) return true;
  return spans.some((s) => {
    const text = item.masked.slice(s.start, s.end);
    if (EVIDENCE.some((re) => re.test(text))) return true;
    // Only when nothing else is found: numbers written as words ("seven occurrences").
    const digits = withDigits(text);
    return digits !== text && EVIDENCE[0].test(digits);
  });
}

function trimmed(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = slice.length - slice.trimStart().length;
  const trail = slice.length - slice.trimEnd().length;
  return { start: span.start + lead, end: span.end - trail };
}

export const acNoObservableOutcome: ItemRule = {
  id: 'ac/no-observable-outcome',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'No observable outcome',
  explanation:
    'A binary criterion ends in something a test can see: a status code, a body field or JSON shape, a header or cookie, a database row or column state, a log or event, a count, a numeric bound with a unit, or the exact text shown in the UI. "then the user is logged in" or "then the upload succeeds" names none of these, so the test has nothing to assert. Only the Then part (or the EARS response) is searched: a number in the Given part is setup, not outcome.',
  check(item) {
    const outcome = item.structure.outcome;
    if (outcome.length > 0 && hasEvidence(item, outcome)) return [];
    const at = outcome.length > 0 ? trimmed(item.text, { start: outcome[0].start, end: outcome[outcome.length - 1].end }) : trimmed(item.text, { start: 0, end: item.text.length });
    const message = outcome.length > 0 ? 'Nothing here can be observed by a test.' : 'There is no Then part: nothing a test can observe.';
    return [
      hit(at.start, at.end, message, {
        suggestion: 'Name the status code, body field, header, row state, log event, count or exact UI text.',
      }),
    ];
  },
  fixes(_finding, text) {
    const end = text.replace(/[\s.]+$/, '').length;
    const hasThen = /(?<![\p{L}])then(?![\p{L}])/iu.test(text);
    const newText = hasThen ? ' and the response status is ___' : ', then the response status is ___';
    return [{ title: 'Add a placeholder for the status code', edits: [{ start: end, end, newText }] }];
  },
};
