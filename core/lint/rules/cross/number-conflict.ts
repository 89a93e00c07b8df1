import type { NumericFact } from '../../facts/numeric-facts.js';
import type { Place } from '../../types.js';
import type { SpecRule } from '../rule.js';

interface Located {
  fact: NumericFact;
  place: Place;
  /** Which item or row, so two numbers of one item are never compared. */
  owner: string;
  label: string;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

/** Two statements about the same thing: same endpoint when both name one, else a shared subject word. */
function sameSubject(a: NumericFact, b: NumericFact): boolean {
  if (a.endpoints.length > 0 && b.endpoints.length > 0) return a.endpoints.some((e) => b.endpoints.includes(e));
  const words = new Set(b.subject);
  return a.subject.some((w) => words.has(w));
}

/**
 * Whether two values of one quantity contradict. An expiry of E conflicts with a scenario
 * "older than X → expired" when X < E and with "younger than X → still valid" when X > E;
 * two statements of the quantity itself conflict when they differ.
 */
function contradicts(a: NumericFact, b: NumericFact): boolean {
  const r = `${a.relation}/${b.relation}`;
  if (a.concept === 'expiry') {
    if (r === 'def/def') return !same(a.value, b.value);
    if (r === 'def/older') return b.value < a.value && !same(a.value, b.value);
    if (r === 'older/def') return a.value < b.value && !same(a.value, b.value);
    if (r === 'def/younger') return b.value > a.value && !same(a.value, b.value);
    if (r === 'younger/def') return a.value > b.value && !same(a.value, b.value);
    if (r === 'older/younger') return a.value < b.value && !same(a.value, b.value);
    if (r === 'younger/older') return b.value < a.value && !same(a.value, b.value);
    return false;
  }
  if (a.relation === b.relation && a.relation !== 'older' && a.relation !== 'younger') return !same(a.value, b.value);
  if (r === 'min/max') return a.value > b.value;
  if (r === 'max/min') return b.value > a.value;
  return false;
}

const CONCEPT_NAME: Record<NumericFact['concept'], string> = {
  expiry: 'expiry',
  timeout: 'timeout',
  retention: 'retention period',
  lockout: 'lockout period',
  latency: 'latency bound',
  'rate-limit': 'rate limit',
  'size-limit': 'size limit',
  length: 'length',
};

export const crossNumberConflict: SpecRule = {
  id: 'cross/number-conflict',
  level: 'spec',
  severity: 'error',
  english: true,
  title: 'Conflicting numbers',
  explanation:
    'The same quantity must have one value everywhere: a 15-minute token expiry in an FR and "10 minutes" in an AC, or "5 requests per hour" and "10 requests per hour", leave the agent to pick one and the tests to fail. Units are normalised (60 minutes = 1 hour), latency figures are compared per percentile and endpoint, and test scenarios are read with their direction: "created more than 20 minutes ago → TOKEN_EXPIRED" agrees with a 15-minute expiry, "more than 10 minutes ago" does not. Expiry, timeouts, retention, lockouts, latency bounds, rate limits, size limits and lengths are compared when they are about the same thing (same endpoint, or shared subject words).',
  // A generator: the engine stops pulling past its cap, so n² pairs are never all built.
  *check(spec) {
    const facts: Located[] = [];
    for (const view of [...spec.byKind.fr, ...spec.byKind.nfr, ...spec.byKind.ac]) {
      for (const fact of view.facts.numbers) {
        facts.push({ fact, place: spec.itemPlace(view, fact.start, fact.end), owner: `item:${view.item.id}:${view.item.line}`, label: view.item.id });
      }
    }
    for (const row of spec.rows) {
      for (const fact of row.facts.numbers) facts.push({ fact, place: spec.rowPlace(row), owner: `row:${row.row.line}`, label: `the edge case on line ${row.row.line}` });
    }
    const groups = new Map<string, Located[]>();
    for (const l of facts) {
      const key = `${l.fact.concept}|${l.fact.qualifier}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    const reported = new Set<string>();
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i];
          const b = group[j];
          if (a.owner === b.owner || !contradicts(a.fact, b.fact) || !sameSubject(a.fact, b.fact)) continue;
          const pair = `${a.fact.concept}|${a.owner}|${b.owner}`;
          if (reported.has(pair)) continue;
          reported.add(pair);
          const what = CONCEPT_NAME[a.fact.concept] + (a.fact.qualifier ? ` (${a.fact.qualifier})` : '');
          yield {
            message: `Conflicting ${what}: ${a.label} says "${a.fact.display}", ${b.label} says "${b.fact.display}".`,
            places: [a.place, b.place],
            suggestion: 'Decide on one value and use it in both places.',
          };
        }
      }
    }
  },
};
