import { contentWords, shareAny } from '../../facts/content-words.js';
import { statusCodesIn } from '../../facts/error-codes.js';
import type { ItemView, SpecRule } from '../rule.js';
import { PostingIndex } from './word-index.js';

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
    const byCode = new PostingIndex<ItemView>();
    const byStatus = new PostingIndex<ItemView>();
    const byWord = new PostingIndex<ItemView>();
    for (const ac of spec.byKind.ac) {
      for (const c of ac.facts.errorCodes) byCode.add(c, ac);
      for (const s of ac.facts.statusCodes) byStatus.add(s, ac);
      for (const w of ac.facts.wordSet) byWord.add(w, ac);
    }
    return spec.rows
      .filter((row) => {
        const scenario = contentWords(row.row.scenario);
        if (row.facts.errorCodes.length > 0) {
          // A row with an error code is identified by it: a criterion expecting another code does not test it.
          return !row.facts.errorCodes.some((c) => byCode.get(c).some((ac) => codeRows.get(c) === 1 || shareAny(scenario, ac.facts.wordSet)));
        }
        if (statusCodesIn(row.row.status).some((s) => byStatus.get(s).some((ac) => shareAny(scenario, ac.facts.wordSet)))) return false;
        if (scenario.size >= 2 && byWord.holdingShare(scenario, 0.6, (ac, w) => ac.facts.wordSet.has(w)).length > 0) return false;
        return true;
      })
      .map((row) => ({
        message: `No acceptance criterion exercises the edge case "${row.row.scenario || `line ${row.row.line}`}".`,
        places: [spec.rowPlace(row)],
        suggestion: 'Add a Given/When/Then criterion for this row that checks its status, body and side effect.',
      }));
  },
};
