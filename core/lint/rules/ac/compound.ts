import type { ItemText } from '../../analyze.js';
import { findAll, type Span } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';
import { hasEvidence } from './no-observable-outcome.js';
import { vagueMatches } from './vague-term.js';

const STATUS_ALTERNATIVES = /\b[1-5]\d\d(?:\s*,\s*[1-5]\d\d)*\s+or\s+[1-5]\d\d\b/g;
const AND_OR = /\band\/or\b/gi;
/** Outcomes a test cannot read (rubric: "handles the error, is processed, is supported, is taken care of"). */
const UNOBSERVABLE =
  /(?<![\p{L}\p{N}_-])(?:handles?|handled|handling|(?:is|are|be|being|gets?|get) (?:processed|supported|taken care of|dealt with|managed|respected|addressed|considered|taken into account|accounted for)|deals? with|takes? care of|(?:is|are) kept (?:informed|in the loop)|keeps? (?:\p{L}+ )?(?:informed|in the loop))(?![\p{L}\p{N}_-])/giu;
const JOINT = /(?<![\p{L}\p{N}_-])(?:and|but|while|as well as|plus)(?![\p{L}\p{N}_-])|[;,]/giu;

/** The outcome cut at "and", "but", commas: the parts that must each be checkable. */
function conjuncts(item: ItemText): Span[] {
  const parts: Span[] = [];
  for (const span of item.structure.outcome) {
    let start = span.start;
    for (const m of findAll(JOINT, item.masked, [span])) {
      parts.push({ start, end: m.start });
      start = m.end;
    }
    parts.push({ start, end: span.end });
  }
  return parts.filter((p) => item.masked.slice(p.start, p.end).trim());
}

export const acCompound: ItemRule = {
  id: 'ac/compound',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Compound criterion',
  explanation:
    'Every outcome of a criterion must be checkable: "the response is 201 and the image is processed" joins a status code to something no test can read, and is reported as an error (a half that rests on a vague word is tagged here as a warning and reported by ac/vague-term). One criterion, one scenario. Two When/Then pairs in one item, "and/or", or a choice of status codes ("404 or 410") make the result depend on which half a tester checks, and a failure report cannot say which behaviour broke. Several outcomes of one scenario ("status 201, 1 row inserted and 1 event published") are fine: each is checked. Split the item into one criterion per scenario, and pick one status code.',
  check(item, env) {
    const hits: RuleHit[] = [];
    // Rubric: a checkable outcome joined to an uncheckable one is not binary. An unobservable
    // half ("… and handles billing errors") is this rule's error; a vague half is tagged here
    // as a warning because ac/vague-term already reports it as an error.
    const parts = conjuncts(item);
    if (parts.length > 1) {
      const checkable = parts.filter((p) => hasEvidence(item, [p]));
      if (checkable.length > 0) {
        for (const p of parts) {
          if (checkable.includes(p)) continue;
          const weak = findAll(UNOBSERVABLE, item.masked, [p])[0];
          if (weak) {
            hits.push(hit(weak.start, weak.end, `Compound criterion: "${weak.text}" cannot be observed, while the rest can (no-observable-outcome). Split it off or say what a test reads.`));
            continue;
          }
          const vague = vagueMatches(item, env.lexicon).find((v) => v.start >= p.start && v.end <= p.end);
          if (vague) hits.push(hit(vague.start, vague.end, `Compound criterion: this part rests on "${vague.text}" (vague-term) while the rest is checkable.`, { severity: 'warning' }));
        }
      }
    }
    const { clauses } = item.structure;
    const firstThen = clauses.findIndex((c) => c.role === 'then');
    const again = firstThen === -1 ? undefined : clauses.slice(firstThen + 1).find((c) => c.role === 'when' || c.role === 'given');
    if (again) hits.push(hit(again.start, again.end, 'A second scenario starts here: split it into its own criterion.', { severity: 'warning' }));
    for (const m of item.masked.matchAll(AND_OR)) hits.push(hit(m.index, m.index + m[0].length, '"and/or" leaves open whether one or both must happen.', { severity: 'warning' }));
    for (const m of item.masked.matchAll(STATUS_ALTERNATIVES)) {
      hits.push(hit(m.index, m.index + m[0].length, 'Either status code passes: decide which one the API returns.', { severity: 'warning' }));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
