import { capped } from './places.js';
import type { SpecHit, SpecRule } from '../rule.js';
import { codeIndex } from './code-index.js';

export const crossErrorCodeMismatch: SpecRule = {
  id: 'cross/error-code-mismatch',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Error code in one place only',
  explanation:
    'Error codes are a contract: each one an acceptance criterion expects (TOKEN_EXPIRED, `409 conflict_detected`) belongs in an edge-case row with its status and side effect, or at least in the requirement that defines the behaviour, and each code the edge-case table promises should be exercised by some criterion. A code in only one of them is a typo, a forgotten row or an untested path. Two different codes for what reads as the same scenario are reported once, by cross/error-code-alias. Checked when the spec has an edge-case table or requirements to hold the codes.',
  check(spec) {
    if (spec.rows.length === 0 && spec.byKind.fr.length === 0 && spec.byKind.nfr.length === 0) return [];
    const { expected, defined, aliased, definedStatuses } = codeIndex(spec);
    const hits: SpecHit[] = [];
    const where = spec.rows.length > 0 ? 'the edge-case table has no row for it and no requirement mentions it' : 'no requirement mentions it';
    for (const e of expected.values()) {
      if (defined.has(e.code) || aliased.has(e.code)) continue;
      // A status nobody defines is named here rather than by cross/unspecified-status: one finding for "409 conflict_detected".
      const status = [...e.statuses].filter((s) => !definedStatuses.has(s)).join('/');
      hits.push({
        message: `${status ? `${status} ` : ''}${e.code} is expected by ${e.labels.join(', ')} but ${where}.`,
        places: capped(e.places),
        suggestion: spec.rows.length > 0 ? `Add a row for ${e.code} with its status and side effect, or correct the code.` : `Name ${e.code} and its status in the requirement that defines this behaviour, or correct the code.`,
      });
    }
    if (spec.byKind.ac.length > 0) {
      for (const d of defined.values()) {
        if (!d.inRow || expected.has(d.code) || aliased.has(d.code)) continue;
        const places = d.places.filter((p) => p.kind === 'row');
        hits.push({
          message: `The edge-case table promises ${d.code} (line ${places.map((p) => p.line).join(', ')}) but no acceptance criterion exercises it.`,
          places: capped(places),
          suggestion: `Add a criterion that triggers ${d.code} and checks its status and body.`,
        });
      }
    }
    return hits;
  },
};
