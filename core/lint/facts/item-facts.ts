import type { ItemText } from '../analyze.js';
import { quantitiesIn } from '../text/units.js';
import { contentWords } from './content-words.js';
import { endpointsIn, type Endpoint } from './endpoints.js';
import { errorCodesIn, errorStatusesIn, statusCodesIn } from './error-codes.js';
import { idRefsIn } from './id-refs.js';
import { numericFacts, type NumericFact } from './numeric-facts.js';
import { wordQuantitiesIn } from './word-quantities.js';

/** What the cross-section checks need from one item or table row; computed once per text. */
export interface ItemFacts {
  endpoints: Endpoint[];
  errorCodes: string[];
  statusCodes: string[];
  /** 4xx/5xx statuses the text names as statuses (not counts), for every kind of item and row. */
  errorStatuses: string[];
  idRefs: string[];
  /** "duration:900" for "15 minutes": numbers with units, for FR coverage by a shared number. */
  quantityKeys: string[];
  numbers: NumericFact[];
  /** Content words, for matching an edge-case scenario to a criterion. */
  words: string[];
  /** The same as sets, built once with the cached facts rather than on every cross-section pass. */
  wordSet: ReadonlySet<string>;
  codeSet: ReadonlySet<string>;
  statusSet: ReadonlySet<string>;
}

export function itemFacts(item: ItemText): ItemFacts {
  const raw = item.text;
  const digits = quantitiesIn(item.masked);
  const inWords = item.english ? wordQuantitiesIn(item.masked) : [];
  const quantities = inWords.length === 0 ? digits : [...digits, ...inWords].sort((a, b) => a.start - b.start);
  const words = contentWords(item.masked);
  const errorCodes = errorCodesIn(raw).map((c) => c.code);
  const statusCodes = item.kind === 'ac' ? statusCodesIn(item.masked) : [];
  return {
    endpoints: endpointsIn(raw),
    errorCodes,
    statusCodes,
    errorStatuses: errorStatusesIn(item.masked),
    idRefs: /-\d/.test(raw) ? idRefsIn(raw) : [],
    quantityKeys: [...new Set(quantities.map((q) => `${q.dimension}:${q.value}`))],
    numbers: item.english && (inWords.length > 0 || /\d|\bretr(?:y|ie)|\b(?:once|twice|thrice)\b/i.test(item.masked)) ? numericFacts(raw, item.masked, item.clauses, /expir|\bttl\b/i.test(raw), quantities) : [],
    words: [...words],
    wordSet: words,
    codeSet: new Set(errorCodes),
    statusSet: new Set(statusCodes),
  };
}
