import type { NumericFact } from '../../facts/numeric-facts.js';
import type { Place } from '../../types.js';
import type { SpecRule, SpecView } from '../rule.js';
import { MAX_PLACES } from './places.js';
import { classify, conflicting, type Classes, type Located, type ValueClass } from './value-groups.js';

const CONCEPT_NAME: Record<NumericFact['concept'], string> = {
  expiry: 'expiry',
  timeout: 'timeout',
  retention: 'retention period',
  lockout: 'lockout period',
  latency: 'latency bound',
  'rate-limit': 'rate limit',
  'size-limit': 'size limit',
  length: 'length',
  retry: 'retry schedule',
};

/** A word bucket's endpoint-less statements are also compared with each endpoint's; past this many endpoints, only per endpoint. */
const MAX_ENDPOINT_MERGES = 20;

function collect(spec: SpecView): Located[] {
  const facts: Located[] = [];
  let order = 0;
  for (const view of spec.items) {
    for (const fact of view.facts.numbers) {
      facts.push({ fact, place: spec.itemPlace(view, fact.start, fact.end), owner: `item:${view.item.id}:${view.item.line}`, label: view.item.id, order: order++ });
    }
  }
  for (const row of spec.rows) {
    for (const fact of row.facts.numbers) facts.push({ fact, place: spec.rowPlace(row), owner: `row:${row.row.line}`, label: `the edge case on line ${row.row.line}`, order: order++ });
  }
  return facts;
}

interface Bucket {
  concept: NumericFact['concept'];
  /** Statements naming no endpoint, compared by subject word. */
  loose: Located[];
  /** Statements naming endpoints, by endpoint: two of these are compared only when they share one. */
  byEndpoint: Map<string, Located[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Statements of one quantity grouped by what they are about, in one pass: by endpoint when
 * they name one, and by each subject word. Each statement lands in as many buckets as it has
 * subject words, so the work is linear in the statements (FR-9), never pairwise.
 */
function buckets(facts: Located[]): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  const bucket = (key: string, concept: NumericFact['concept']) => {
    let b = out.get(key);
    if (!b) out.set(key, (b = { concept, loose: [], byEndpoint: new Map() }));
    return b;
  };
  for (const l of facts) {
    const { concept, qualifier, endpoints, subject } = l.fact;
    const base = `${concept}|${qualifier}`;
    for (const e of endpoints) push(bucket(`${base}|e|${e}`, concept).byEndpoint, e, l);
    for (const w of new Set(subject)) {
      const b = bucket(`${base}|w|${w}`, concept);
      if (endpoints.length === 0) b.loose.push(l);
      else for (const e of endpoints) push(b.byEndpoint, e, l);
    }
  }
  return out;
}

/** The conflicts of one bucket: loose statements with each other and with each endpoint's. */
function* bucketConflicts(b: Bucket): Generator<ValueClass[]> {
  const loose = classify(b.loose);
  const groups: Classes[] = [...b.byEndpoint.values()].map((list) => classify(list));
  if (groups.length === 0) {
    const c = conflicting(b.concept, [loose]);
    if (c.length) yield c;
    return;
  }
  for (const [i, g] of groups.entries()) {
    const c = conflicting(b.concept, i < MAX_ENDPOINT_MERGES ? [loose, g] : [g]);
    if (c.length) yield c;
  }
  if (groups.length > MAX_ENDPOINT_MERGES) {
    const c = conflicting(b.concept, [loose]);
    if (c.length) yield c;
  }
}

function describe(concept: NumericFact['concept'], qualifier: string, classes: ValueClass[]): { message: string; places: Place[] } {
  const what = CONCEPT_NAME[concept] + (qualifier ? ` (${qualifier})` : '');
  const statements = classes.flatMap((c) => c.facts);
  const byValue = classes.map((c) => {
    const labels = [...new Set(c.facts.map((f) => f.label))];
    const shown = labels.slice(0, 5).join(', ') + (labels.length > 5 ? ` and ${labels.length - 5} more` : '');
    return `${shown} say${labels.length === 1 ? 's' : ''} "${c.facts[0].fact.display}"`;
  });
  const unique = [...new Set(byValue)];
  const listed = unique.slice(0, 8).join(', ') + (unique.length > 8 ? `, and ${unique.length - 8} more values` : '');
  const places = [...statements].sort((a, b) => a.order - b.order).slice(0, MAX_PLACES).map((l) => l.place);
  return { message: `Conflicting ${what}: ${listed}.`, places };
}

function size(b: Bucket): number {
  let n = b.loose.length;
  for (const list of b.byEndpoint.values()) n += list.length;
  return n;
}

export const crossNumberConflict: SpecRule = {
  id: 'cross/number-conflict',
  level: 'spec',
  severity: 'error',
  english: true,
  title: 'Conflicting numbers',
  explanation:
    'The same quantity must have one value everywhere: a 15-minute token expiry in an FR and "10 minutes" in an AC, or "5 requests per hour" and "10 requests per hour", leave the agent to pick one and the tests to fail. Units are normalised (60 minutes = 1 hour, 48 hours = 2 days, "forty-eight hours" = 48 hours), a refused "51st request within 10 minutes" states a limit of 50 per 10 minutes, retry schedules are compared by interval and count ("every 30 s up to 4 times" vs "every minute, 3 times"), latency figures are compared per percentile and endpoint, rate limits per window, and test scenarios are read with their direction: "created more than 20 minutes ago → TOKEN_EXPIRED" agrees with a 15-minute expiry, "more than 10 minutes ago" does not. Statements are compared when they are about the same thing (same endpoint, or a shared subject word); each conflicting group of values is reported once.',
  *check(spec) {
    // Narrow buckets first: a conflict about "reset links" is reported there; the wider bucket
    // of every "link" reports only if it involves a statement no narrower group reported.
    const all = [...buckets(collect(spec)).values()].sort((a, b) => size(a) - size(b));
    const reported = new Set<Located>();
    for (const b of all) {
      for (const conflict of bucketConflicts(b)) {
        let classes = conflict;
        let statements = classes.flatMap((c) => c.facts);
        if (statements.some((l) => reported.has(l))) {
          // Only what the narrower groups left unexplained can make a new finding here.
          statements = statements.filter((l) => !reported.has(l));
          classes = statements.length > 1 ? conflicting(b.concept, [classify(statements)]) : [];
          if (classes.length === 0) continue;
          statements = classes.flatMap((c) => c.facts);
        }
        for (const l of statements) reported.add(l);
        const found = describe(b.concept, classes[0].facts[0].fact.qualifier, classes);
        yield { ...found, suggestion: `Decide on one value and use it in ${found.places.length === 2 ? 'both places' : 'every place'}.` };
      }
    }
  },
};
