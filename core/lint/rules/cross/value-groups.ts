import type { NumericFact } from '../../facts/numeric-facts.js';
import type { Place } from '../../types.js';

/** One stated number, where it was found and who stated it. */
export interface Located {
  fact: NumericFact;
  place: Place;
  /** Which item or row, so a conflict needs at least two of them. */
  owner: string;
  label: string;
  /** Document order, so findings list values as the spec does. */
  order: number;
}

/**
 * All statements of one value in one role: "expire after 15 minutes" in FR-1 and AC-2 form one
 * class; a conflict is between classes, so a spec with 97 different expiries reports one
 * finding listing 97 values, not 4,656 pairs (FR-9).
 */
export interface ValueClass {
  /** def | older | younger | max | min | rate@<window> | rate@? | interval | count */
  role: string;
  value: number;
  display: string;
  facts: Located[];
}

export type Classes = Map<string, ValueClass>;

const keyOf = (n: number) => (Number.isFinite(n) ? Number(n.toPrecision(12)).toString() : 'NaN');

function add(classes: Classes, role: string, value: number, display: string, l: Located): void {
  const key = `${role}|${keyOf(value)}`;
  const c = classes.get(key);
  if (c) c.facts.push(l);
  else classes.set(key, { role, value, display, facts: [l] });
}

/** The value classes of some statements of one quantity. */
export function classify(facts: Iterable<Located>): Classes {
  const classes: Classes = new Map();
  for (const l of facts) {
    const f = l.fact;
    if (f.concept === 'retry') {
      if (f.retry?.interval != null) add(classes, 'interval', f.retry.interval, f.display, l);
      if (f.retry?.count != null) add(classes, 'count', f.retry.count, f.display, l);
    } else if (f.concept === 'rate-limit' && f.rate) {
      // Limits per different windows can all hold ("5 a minute and 100 a day"): compare per window.
      add(classes, f.rate.window === null ? 'rate@?' : `rate@${keyOf(f.rate.window)}`, f.rate.count, f.display, l);
    } else add(classes, f.relation, f.value, f.display, l);
  }
  return classes;
}

/**
 * The classes that contradict each other, or [] when the statements can all hold. Expiry
 * scenarios are read with their direction: "older than X → expired" needs X ≥ the expiry,
 * "younger than X → valid" needs X ≤ it.
 */
export function conflicting(concept: NumericFact['concept'], parts: Classes[]): ValueClass[] {
  // The same value stated loosely and at an endpoint is one class.
  const merged: Classes = parts.length === 1 ? parts[0] : new Map();
  if (parts.length > 1) {
    for (const classes of parts) {
      for (const [key, c] of classes) {
        const m = merged.get(key);
        if (m) m.facts = [...m.facts, ...c.facts];
        else merged.set(key, { ...c });
      }
    }
  }
  const byRole = new Map<string, ValueClass[]>();
  for (const c of merged.values()) {
    const list = byRole.get(c.role);
    if (list) list.push(c);
    else byRole.set(c.role, [c]);
  }
  const of = (role: string) => byRole.get(role) ?? [];
  const out = new Set<ValueClass>();
  const clash = (list: ValueClass[]) => {
    if (list.length > 1) for (const c of list) out.add(c);
  };
  if (concept === 'expiry') {
    const defs = of('def');
    const older = of('older');
    const younger = of('younger');
    clash(defs);
    const minOlder = older.reduce<ValueClass | null>((m, c) => (!m || c.value < m.value ? c : m), null);
    const maxYounger = younger.reduce<ValueClass | null>((m, c) => (!m || c.value > m.value ? c : m), null);
    const maxDef = defs.reduce<ValueClass | null>((m, c) => (!m || c.value > m.value ? c : m), null);
    const minDef = defs.reduce<ValueClass | null>((m, c) => (!m || c.value < m.value ? c : m), null);
    if (maxDef) for (const o of older) if (o.value < maxDef.value && !same(o.value, maxDef.value)) out.add(maxDef).add(o);
    if (minDef) for (const y of younger) if (y.value > minDef.value && !same(y.value, minDef.value)) out.add(minDef).add(y);
    if (minOlder && maxYounger && minOlder.value < maxYounger.value && !same(minOlder.value, maxYounger.value)) out.add(minOlder).add(maxYounger);
  } else if (concept === 'rate-limit') {
    const windowed: ValueClass[] = [];
    for (const [role, list] of byRole) {
      if (role === 'rate@?') continue;
      clash(list);
      windowed.push(...list);
    }
    const bare = of('rate@?');
    clash(bare);
    const counts = new Set(windowed.map((c) => keyOf(c.value)));
    if (windowed.length > 0) for (const b of bare) if (!counts.has(keyOf(b.value))) out.add(b).add(windowed[0]);
  } else if (concept === 'retry') {
    clash(of('interval'));
    clash(of('count'));
  } else {
    clash(of('def'));
    clash(of('max'));
    clash(of('min'));
    const maxMin = of('min').reduce<ValueClass | null>((m, c) => (!m || c.value > m.value ? c : m), null);
    const minMax = of('max').reduce<ValueClass | null>((m, c) => (!m || c.value < m.value ? c : m), null);
    if (maxMin && minMax && maxMin.value > minMax.value) out.add(maxMin).add(minMax);
  }
  // Two numbers of one item are its own business (a per-minute and a per-day limit, say).
  const owners = new Set<string>();
  for (const c of out) for (const f of c.facts) owners.add(f.owner);
  if (owners.size < 2) return [];
  return [...out].sort((a, b) => a.facts[0].order - b.facts[0].order);
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
