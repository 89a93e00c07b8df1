import { EndpointIndex } from '../../facts/endpoints.js';
import { contentWords } from '../../facts/content-words.js';
import { statusCodesIn } from '../../facts/error-codes.js';
import type { ItemView, SpecRule } from '../rule.js';
import { PostingIndex } from './word-index.js';

export const crossUnspecifiedEdgeCase: SpecRule = {
  id: 'cross/unspecified-edge-case',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Edge case no requirement specifies',
  explanation:
    'An edge-case row is the detail of a behaviour some requirement defines; a row no requirement speaks of adds behaviour through the back door, and whoever reads only the requirements misses it. A requirement (FR or NFR) specifies a row when it names the row\'s error code or endpoint, states its number (an expiry, a rate limit) or, for a 429 row, a rate limit on the same thing, names its status in the same scenario (a shared word), or holds most of the scenario\'s words. A warning when the row\'s error code or error status appears in no requirement (the row invents a response); otherwise a note.',
  check(spec) {
    const reqs = [...spec.byKind.fr, ...spec.byKind.nfr];
    if (spec.rows.length === 0 || reqs.length === 0) return [];
    const byCode = new PostingIndex<ItemView>();
    const byStatus = new PostingIndex<ItemView>();
    const byWord = new PostingIndex<ItemView>();
    const quantities = new Set<string>();
    const limits = new Set<string>();
    const limited = new PostingIndex<ItemView>();
    const endpoints = new EndpointIndex(reqs.flatMap((r) => r.facts.endpoints));
    for (const r of reqs) {
      for (const c of r.facts.errorCodes) byCode.add(c, r);
      for (const s of statusCodesIn(r.item.text)) byStatus.add(s, r);
      for (const w of r.facts.wordSet) byWord.add(w, r);
      for (const q of r.facts.quantityKeys) quantities.add(q);
      for (const n of r.facts.numbers) {
        if (!n.rate) continue;
        limits.add(`${n.rate.count}`);
        for (const w of n.subject) limited.add(w, r);
      }
    }
    return spec.rows
      .filter((row) => {
        if (row.facts.errorCodes.some((c) => byCode.get(c).length > 0)) return false;
        if (row.facts.endpoints.some((e) => endpoints.find(e) !== undefined)) return false;
        // "Token expired (older than 15 minutes)", "6th request in 60 minutes": the requirement's own number.
        if (row.facts.quantityKeys.some((q) => quantities.has(q)) || row.facts.numbers.some((n) => n.rate && limits.has(`${n.rate.count}`))) return false;
        const scenario = contentWords(row.row.scenario);
        const statuses = statusCodesIn(row.row.status);
        // A 429 row is the detail of a rate limit some requirement states about the same thing.
        if (statuses.includes('429') && [...scenario].some((w) => limited.get(w).length > 0)) return false;
        if (statuses.some((s) => byStatus.get(s).some((r) => [...scenario].some((w) => r.facts.wordSet.has(w))))) return false;
        return !(scenario.size >= 1 && byWord.holdingShare(scenario, 0.6, (r, w) => r.facts.wordSet.has(w)).length > 0);
      })
      .map((row) => {
        const statuses = statusCodesIn(row.row.status).filter((s) => /^[45]/.test(s));
        const invents = row.facts.errorCodes.length > 0 || statuses.some((s) => byStatus.get(s).length === 0);
        const what = row.row.scenario || `line ${row.row.line}`;
        return {
          message: invents
            ? `The edge case "${what}" answers ${[...statuses, ...row.facts.errorCodes].join(' ')} but no requirement specifies it.`
            : `No requirement specifies the edge case "${what}".`,
          places: [spec.rowPlace(row)],
          suggestion: 'Name the case in the requirement that owns this behaviour (or reference the row from it).',
          ...(invents ? {} : { severity: 'info' as const }),
        };
      });
  },
};
