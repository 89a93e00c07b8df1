import type { Place } from '../../types.js';
import type { SpecHit, SpecRule } from '../rule.js';

export const crossErrorCodeMismatch: SpecRule = {
  id: 'cross/error-code-mismatch',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Error code in one place only',
  explanation:
    'Error codes are a contract: each one an acceptance criterion expects (TOKEN_EXPIRED) belongs in the edge-case table with its status and side effect, and each code the table promises should be exercised by some criterion. A code in only one of them is a typo, a forgotten row or an untested path. Checked only when the spec has an edge-case table.',
  check(spec) {
    if (spec.rows.length === 0) return [];
    const tableCodes = new Map<string, Place[]>();
    for (const row of spec.rows) for (const c of row.facts.errorCodes) tableCodes.set(c, [...(tableCodes.get(c) ?? []), spec.rowPlace(row)]);
    const acCodes = new Map<string, Place[]>();
    for (const ac of spec.byKind.ac) {
      for (const c of ac.facts.errorCodes) {
        const at = ac.item.text.indexOf(c);
        acCodes.set(c, [...(acCodes.get(c) ?? []), spec.itemPlace(ac, at, at + c.length)]);
      }
    }
    const hits: SpecHit[] = [];
    for (const [code, places] of acCodes) {
      if (tableCodes.has(code)) continue;
      const ids = [...new Set(places.map((p) => (p.kind === 'item' ? p.id : '')))].join(', ');
      hits.push({
        message: `${code} is expected by ${ids} but the edge-case table has no row for it.`,
        places,
        suggestion: `Add a row for ${code} with its status and side effect, or correct the code.`,
      });
    }
    if (spec.byKind.ac.length > 0) {
      for (const [code, places] of tableCodes) {
        if (acCodes.has(code)) continue;
        hits.push({
          message: `The edge-case table promises ${code} (line ${places.map((p) => p.line).join(', ')}) but no acceptance criterion exercises it.`,
          places,
          suggestion: `Add a criterion that triggers ${code} and checks its status and body.`,
        });
      }
    }
    return hits;
  },
};
