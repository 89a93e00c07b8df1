import { capped } from './places.js';
import type { Place } from '../../types.js';
import type { SpecHit, SpecRule } from '../rule.js';
import { codeIndex } from './code-index.js';

export const crossUnspecifiedStatus: SpecRule = {
  id: 'cross/unspecified-status',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Error status no requirement defines',
  explanation:
    'A criterion that expects an error status (409, 422, 503) which no edge-case row and no requirement mentions tests behaviour nobody specified: the agent has to guess when to send it. Add the case to the edge-case table or to the requirement. Success statuses (2xx) are left out: they follow from the requirement. A status written next to an error code that is itself missing is reported with that code, by cross/error-code-mismatch.',
  check(spec) {
    if (spec.rows.length === 0 && spec.byKind.fr.length === 0 && spec.byKind.nfr.length === 0) return [];
    const index = codeIndex(spec);
    // Statuses already reported with their missing code (409 conflict_detected).
    const withCode = new Set<string>();
    for (const e of index.expected.values()) if (!index.defined.has(e.code) && !index.aliased.has(e.code)) for (const s of e.statuses) withCode.add(s);
    const missing = new Map<string, { places: Place[]; labels: string[] }>();
    for (const ac of spec.byKind.ac) {
      for (const status of ac.facts.errorStatuses) {
        if (index.definedStatuses.has(status)) continue;
        if (withCode.has(status) && ac.facts.errorCodes.some((c) => !index.defined.has(c) && !index.aliased.has(c))) continue;
        let m = missing.get(status);
        if (!m) missing.set(status, (m = { places: [], labels: [] }));
        const at = ac.item.text.indexOf(status);
        m.places.push(spec.itemPlace(ac, at, at + status.length));
        m.labels.push(ac.item.id);
      }
    }
    const hits: SpecHit[] = [];
    for (const [status, m] of missing) {
      hits.push({
        message: `${m.labels.join(', ')} expect${m.labels.length === 1 ? 's' : ''} status ${status} but no ${spec.rows.length > 0 ? 'edge-case row or ' : ''}requirement mentions it.`,
        places: capped(m.places),
        suggestion: `Say when the system answers ${status}: in an edge-case row with its body and side effect, or in the requirement.`,
      });
    }
    return hits;
  },
};
