import { contentWords, shareAny } from '../../facts/content-words.js';
import { statusCodesIn } from '../../facts/error-codes.js';
import type { RowView, SpecRule } from '../rule.js';

interface AcSets {
  words: ReadonlySet<string>;
  codes: ReadonlySet<string>;
  statuses: ReadonlySet<string>;
}

function covers(ac: AcSets, row: RowView, scenario: Set<string>, statuses: string[], codeRows: Map<string, number>): boolean {
  const acWords = ac.words;
  if (row.facts.errorCodes.length > 0) {
    // A row with an error code is identified by it: a criterion expecting another code does not test it.
    const shared = row.facts.errorCodes.filter((c) => ac.codes.has(c));
    return shared.length > 0 && (shareAny(scenario, acWords) || shared.some((c) => codeRows.get(c) === 1));
  }
  if (statuses.some((s) => ac.statuses.has(s)) && shareAny(scenario, acWords)) return true;
  if (scenario.size >= 2) {
    let shared = 0;
    for (const w of scenario) if (acWords.has(w)) shared++;
    if (shared / scenario.size >= 0.6) return true;
  }
  return false;
}

export const crossUntestedEdgeCase: SpecRule = {
  id: 'cross/untested-edge-case',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Edge case without a criterion',
  explanation:
    'An edge-case row describes behaviour the implementation must get right — a suspended account, a rate limit, a concurrent request — and it stays untested unless an acceptance criterion exercises it. A criterion covers a row when it expects the row\'s error code; for a row without an error code, when it expects the row\'s status in the same scenario (shared words) or shares most of the scenario\'s words.',
  check(spec) {
    if (spec.byKind.ac.length === 0) return [];
    const codeRows = new Map<string, number>();
    for (const row of spec.rows) for (const c of row.facts.errorCodes) codeRows.set(c, (codeRows.get(c) ?? 0) + 1);
    const acs: AcSets[] = spec.byKind.ac.map((ac) => ({ words: ac.facts.wordSet, codes: ac.facts.codeSet, statuses: ac.facts.statusSet }));
    return spec.rows
      .filter((row) => {
        const scenario = contentWords(row.row.scenario);
        const statuses = statusCodesIn(row.row.status);
        return !acs.some((ac) => covers(ac, row, scenario, statuses, codeRows));
      })
      .map((row) => ({
        message: `No acceptance criterion exercises the edge case "${row.row.scenario || `line ${row.row.line}`}".`,
        places: [spec.rowPlace(row)],
        suggestion: 'Add a Given/When/Then criterion for this row that checks its status, body and side effect.',
      }));
  },
};
