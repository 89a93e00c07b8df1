import type { ItemText } from '../../analyze.js';
import { findAll, type Span } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';
import { hasEvidence } from './no-observable-outcome.js';

const STATUS_ALTERNATIVES = /\b[1-5]\d\d(?:\s*,\s*[1-5]\d\d)*\s+or\s+[1-5]\d\d\b/g;
const AND_OR = /\band\/or\b/gi;
/** Outcomes a test cannot read (rubric: "handles the error, is processed, is supported, is taken care of"). */
const UNOBSERVABLE =
  /(?<![\p{L}\p{N}_-])(?:handles?|handled|handling|(?:is|are|be|being|gets?|get) (?:processed|supported|taken care of|dealt with|managed|respected|addressed|considered|taken into account|accounted for)|deals? with|takes? care of|(?:is|are) kept (?:informed|in the loop)|keeps? (?:\p{L}+ )?(?:informed|in the loop))(?![\p{L}\p{N}_-])/giu;
const MAYBE_UNOBSERVABLE = /handl|process|support|care of|dealt|deal|manage|respect|address|consider|accounted|informed|loop/i;
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
    'Every outcome of a criterion must be checkable: "the response is 201 and the image is processed" joins a status code to something no test can read, and is reported as an error (a half that rests on a vague word is reported by ac/vague-term). One criterion, one scenario. Two When/Then pairs in one item, "and/or", or a choice of status codes ("404 or 410") make the result depend on which half a tester checks, and a failure report cannot say which behaviour broke. Several outcomes of one scenario ("status 201, 1 row inserted and 1 event published") are fine: each is checked. Split the item into one criterion per scenario, and pick one status code.',
  check(item) {
    const hits: RuleHit[] = [];
    // Rubric: a checkable outcome joined to an uncheckable one is not binary. An unobservable
    // half ("… and the image is processed") is this rule's error; a half resting on a vague
    // word is already an error of ac/vague-term, which names the reason.
    if (MAYBE_UNOBSERVABLE.test(item.masked)) {
      const parts = conjuncts(item);
      const weak = parts.map((p) => findAll(UNOBSERVABLE, item.masked.slice(p.start, p.end))[0]);
      if (parts.length > 1 && weak.some(Boolean) && parts.some((p, i) => !weak[i] && hasEvidence(item, [p]))) {
        weak.forEach((m, i) => {
          if (!m) return;
          const at = parts[i].start;
          hits.push(hit(at + m.start, at + m.end, `Compound criterion: "${m.text}" cannot be observed, while the rest can (no-observable-outcome). Split it off or say what a test reads.`));
        });
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
