import { EndpointIndex } from '../../facts/endpoints.js';
import type { ItemView, SpecView } from '../rule.js';

/**
 * Which FRs some AC covers: by naming the FR's id, or by sharing an endpoint, an error code
 * or a number with its unit. Used by cross/uncovered-fr and by the readiness score.
 */
export function frCoverage(spec: SpecView): Map<ItemView, boolean> {
  const acs = spec.byKind.ac;
  const refs = new Set<string>();
  const codes = new Set<string>();
  const quantities = new Set<string>();
  const used = new EndpointIndex();
  const seen = new Set<string>();
  for (const ac of acs) {
    // A criterion nested under its requirement (Kiro R3.2, OpenSpec scenario) covers it by place.
    if (ac.item.parent) refs.add(ac.item.parent);
    for (const r of ac.facts.idRefs) refs.add(r);
    for (const c of ac.facts.errorCodes) codes.add(c);
    for (const q of ac.facts.quantityKeys) quantities.add(q);
    for (const e of ac.facts.endpoints) {
      const key = `${e.method ?? '*'} ${e.path}`;
      if (!seen.has(key)) used.add(e);
      seen.add(key);
    }
  }
  const result = new Map<ItemView, boolean>();
  for (const fr of spec.byKind.fr) {
    const f = fr.facts;
    const covered =
      refs.has(fr.item.id) ||
      f.errorCodes.some((c) => codes.has(c)) ||
      f.quantityKeys.some((q) => quantities.has(q)) ||
      f.endpoints.some((d) => used.find(d) !== undefined);
    result.set(fr, covered);
  }
  return result;
}
