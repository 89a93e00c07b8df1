import { capped } from './places.js';
import { EndpointIndex, endpointsIn, type Endpoint } from '../../facts/endpoints.js';
import type { Place } from '../../types.js';
import type { SpecHit, SpecRule } from '../rule.js';

export const crossUndefinedEndpoint: SpecRule = {
  id: 'cross/undefined-endpoint',
  level: 'spec',
  severity: 'error',
  english: false,
  title: 'Endpoint no requirement defines',
  explanation:
    'An acceptance criterion or edge case that calls METHOD /path which no functional requirement mentions asks the agent to invent an endpoint — its arguments, its responses and its errors. Define it in an FR, or fix the path. When the Context section already describes the endpoint (it exists today), this is a warning: mention it in the FR that relies on it.',
  check(spec) {
    const defined = new EndpointIndex(spec.byKind.fr.flatMap((v) => v.facts.endpoints));
    const contextIndex = spec.sectionIndex.get('context');
    const existing = new EndpointIndex(contextIndex === undefined ? [] : endpointsIn(spec.doc.sections[contextIndex].body).filter((e) => e.method));
    const uses = new Map<string, { endpoint: Endpoint; places: Place[] }>();
    const note = (endpoint: Endpoint, place: Place) => {
      if (!endpoint.method || defined.find(endpoint)) return;
      const key = `${endpoint.method} ${endpoint.path}`;
      const entry = uses.get(key) ?? { endpoint, places: [] };
      entry.places.push(place);
      uses.set(key, entry);
    };
    for (const ac of spec.byKind.ac) for (const e of ac.facts.endpoints) note(e, spec.itemPlace(ac, e.start, e.end));
    for (const row of spec.rows) for (const e of row.facts.endpoints) note(e, spec.rowPlace(row));
    const hits: SpecHit[] = [];
    for (const { endpoint, places } of uses.values()) {
      const known = existing.find(endpoint) !== undefined;
      const names = [...new Set(places.map((p) => (p.kind === 'item' ? p.id : `the edge case on line ${p.line}`)))].join(', ');
      hits.push({
        message: known
          ? `${endpoint.raw} is used by ${names} and described in the Context, but no FR mentions it.`
          : `${endpoint.raw} is used by ${names} but no functional requirement defines it.`,
        places: capped(places),
        suggestion: known ? `Mention ${endpoint.raw} in the FR that relies on it.` : `Add an FR that defines ${endpoint.raw}, or correct the path.`,
        ...(known ? { severity: 'warning' as const } : {}),
      });
    }
    return hits;
  },
};
