import { contentWords } from '../../facts/content-words.js';
import { statusCodesIn } from '../../facts/error-codes.js';
import type { Place } from '../../types.js';
import type { SpecView } from '../rule.js';

/** One error code where it is expected (a criterion) or defined (an edge-case row, an FR or NFR). */
export interface CodeUse {
  code: string;
  places: Place[];
  /** Item ids, or "the edge case on line N". */
  labels: string[];
  /** The code's own words: `plan_seats_full` → plan, seat, full. */
  tokens: Set<string>;
  /** What the scenario around it is about: the criterion's words, or the row's Scenario cell. */
  words: Set<string>;
  statuses: Set<string>;
  inRow: boolean;
}

export interface Alias {
  expected: CodeUse;
  defined: CodeUse;
  /** The words that tie the two scenarios together, for the message. */
  evidence: string[];
}

export interface CodeIndex {
  expected: Map<string, CodeUse>;
  defined: Map<string, CodeUse>;
  /** Error statuses the requirements and rows name. */
  definedStatuses: Set<string>;
  aliases: Alias[];
  /** Codes that take part in an alias: reported by cross/error-code-alias, not as missing. */
  aliased: Set<string>;
}

const tokensOf = (code: string) => contentWords(code.toLowerCase().replace(/[_.-]+/g, ' '));

function use(map: Map<string, CodeUse>, code: string, place: Place, label: string, words: ReadonlySet<string>, statuses: Iterable<string>, inRow: boolean): void {
  let u = map.get(code);
  if (!u) map.set(code, (u = { code, places: [], labels: [], tokens: tokensOf(code), words: new Set(), statuses: new Set(), inRow }));
  u.places.push(place);
  if (!u.labels.includes(label)) u.labels.push(label);
  for (const w of words) u.words.add(w);
  for (const s of statuses) u.statuses.add(s);
  u.inRow ||= inRow;
}

/** Postings longer than this are too common a word to tell scenarios apart, and are not followed. */
const MAX_POSTINGS = 64;

const cache = new WeakMap<SpecView, CodeIndex>();

/**
 * Every error code the spec expects and defines, computed once per lint for the code rules.
 * Near-miss aliases: a code a criterion expects that nothing defines, and a defined code no
 * criterion expects, name the same scenario when (a) a word of one code appears in the other's
 * scenario but not in its own code ("plan" of `plan_seats_full` in the criterion expecting
 * `seat_cap_hit`), and (b) the codes share a word (seat), or an error status and two such words; or when they are
 * the same code in another case (`key_revoked`, `KEY_REVOKED`). Candidates are
 * found through an index of code words and statuses, never by comparing every pair (FR-9).
 */
export function codeIndex(spec: SpecView): CodeIndex {
  const hit = cache.get(spec);
  if (hit) return hit;
  const expected = new Map<string, CodeUse>();
  const defined = new Map<string, CodeUse>();
  const definedStatuses = new Set<string>();
  for (const ac of spec.byKind.ac) {
    for (const code of ac.facts.errorCodes) {
      const at = ac.item.text.indexOf(code);
      use(expected, code, spec.itemPlace(ac, at, at + code.length), ac.item.id, ac.facts.wordSet, ac.facts.errorStatuses, false);
    }
  }
  for (const row of spec.rows) {
    const statuses = [...statusCodesIn(row.row.status), ...row.facts.errorStatuses];
    for (const s of statuses) definedStatuses.add(s);
    const scenario = contentWords(row.row.scenario);
    for (const code of row.facts.errorCodes) use(defined, code, spec.rowPlace(row), `the edge case on line ${row.row.line}`, scenario, statuses, true);
  }
  for (const view of [...spec.byKind.fr, ...spec.byKind.nfr]) {
    for (const s of view.facts.errorStatuses) definedStatuses.add(s);
    for (const code of view.facts.errorCodes) use(defined, code, spec.itemPlace(view), view.item.id, view.facts.wordSet, view.facts.errorStatuses, false);
  }

  // Index the defined codes no criterion expects (the only ones that can be the other half of an alias).
  const byKey = new Map<string, CodeUse[]>();
  for (const d of defined.values()) {
    if (expected.has(d.code)) continue;
    for (const key of [...[...d.tokens].map((t) => `t:${t}`), ...[...d.statuses].map((s) => `s:${s}`)]) {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [d]);
      else if (list.length <= MAX_POSTINGS) list.push(d);
    }
  }
  const aliases: Alias[] = [];
  const aliased = new Set<string>();
  const byCase = new Map<string, CodeUse>();
  for (const d of defined.values()) byCase.set(d.code.toLowerCase(), d);
  for (const e of expected.values()) {
    if (defined.has(e.code)) continue;
    let best: Alias | null = null;
    let bestScore = 0;
    // The same code in another case (key_revoked vs KEY_REVOKED) is the nearest miss of all.
    const sameLetters = byCase.get(e.code.toLowerCase());
    if (sameLetters && !expected.has(sameLetters.code)) {
      aliases.push({ expected: e, defined: sameLetters, evidence: ['the same code in another case'] });
      aliased.add(e.code).add(sameLetters.code);
      continue;
    }
    const seen = new Set<CodeUse>();
    for (const key of [...[...e.tokens].map((t) => `t:${t}`), ...[...e.statuses].map((s) => `s:${s}`)]) {
      const list = byKey.get(key);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const d of list) {
        if (seen.has(d)) continue;
        seen.add(d);
        const evidence = new Set<string>();
        for (const t of d.tokens) if (!e.tokens.has(t) && e.words.has(t)) evidence.add(t);
        for (const t of e.tokens) if (!d.tokens.has(t) && d.words.has(t)) evidence.add(t);
        const sharedTokens = [...e.tokens].filter((t) => d.tokens.has(t));
        const sharedStatus = [...e.statuses].some((s) => d.statuses.has(s));
        // A shared code word, or a shared status backed by two scenario words: one shared path word is not enough.
        if (evidence.size === 0 || (sharedTokens.length === 0 && !(sharedStatus && evidence.size >= 2))) continue;
        const score = 2 * sharedTokens.length + evidence.size + (sharedStatus ? 1 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = { expected: e, defined: d, evidence: [...sharedTokens, ...evidence] };
        }
      }
    }
    if (best) {
      aliases.push(best);
      aliased.add(best.expected.code).add(best.defined.code);
    }
  }
  const index = { expected, defined, definedStatuses, aliases, aliased };
  cache.set(spec, index);
  return index;
}
