import { PER_UNITS, parseNumber, quantitiesIn, type Quantity } from '../text/units.js';
import type { Span } from '../text/words.js';
import { contentWords } from './content-words.js';
import { endpointsIn } from './endpoints.js';
import { ordinalLimitsIn, retrySchedulesIn } from './schedule-facts.js';

/** Quantities a spec states once and must state the same way everywhere (cross/number-conflict). */
export type Concept = 'expiry' | 'timeout' | 'retention' | 'lockout' | 'latency' | 'rate-limit' | 'size-limit' | 'length' | 'retry';

/**
 * How the number is used. `def` states the quantity ("expire after 15 minutes"); `older` and
 * `younger` describe a test scenario on either side of it ("created more than 15 minutes
 * ago", "less than 15 minutes after creation"); `max`/`min` are bounds.
 */
export type Relation = 'def' | 'older' | 'younger' | 'max' | 'min';

export interface NumericFact {
  concept: Concept;
  relation: Relation;
  /** Base units (seconds, bytes, characters) or, for rate limits, events per second. */
  value: number;
  /** Latency percentile ("p99"), so p95 and p99 figures are not compared. */
  qualifier: string;
  /** The words as written, e.g. "more than 10 minutes". */
  display: string;
  start: number;
  end: number;
  /** What the number is about. */
  subject: string[];
  /** Endpoints named in the same clause, normalised ("POST /auth/magic-link/request"). */
  endpoints: string[];
  /**
   * Rate limits: the count and window (seconds) as stated; `window` is null for "the 51st
   * request is refused" with no window, which is then compared by count alone.
   */
  rate?: { count: number; window: number | null };
  /** Retry schedules: seconds between attempts and number of retries, each null when unstated. */
  retry?: { interval: number | null; count: number | null };
}

const CONCEPT_WORDS: Array<[Exclude<Concept, 'rate-limit' | 'size-limit' | 'length'>, RegExp]> = [
  ['expiry', /\bexpir\w*|\bttl\b|time-to-live|\bvalid for\b|\blifetime\b|\blasts\b|\bremains? (?:valid|open|pending|active|usable)\b|\b(?:cancel+ed|revoked|invalidated|withdrawn) (?:after|once)\b/gi],
  ['timeout', /\btime(?:s|d)?[\s-]?out\b|\btimeouts?\b/gi],
  ['retention', /\bretain\w*|\bretention\b|\bkept for\b|\bstored for\b|\b(?:deleted|purged|archived|removed) after\b/gi],
  ['lockout', /\block(?:ed|s)?(?: out)? for\b|\blockout\b/gi],
  ['latency', /\blatency\b|\bresponse times?\b|\brespond(?:s|ed)? within\b|\bp\d{2,3}\b|\bpercentile\b/gi],
];
const CONCEPT_STOP = new Set(['retry', 'retried', 'retrie', 'retrying', 'time', 'every', 'attempt', 'interval', 'minute', 'second', 'hour', 'day', 'up', 'expire', 'expiry', 'expiration', 'ttl', 'lifetime', 'timeout', 'retention', 'lockout', 'lock', 'locked', 'latency', 'p99', 'p95', 'p90', 'p50', 'characters', 'character', 'hex', 'hexadecimal']);

const AGE_AFTER = /^\s*(?:ago|old|earlier|before now|after (?:its|their|the|it was)?\s*creat\w*|since (?:its|their|the)?\s*creat\w*)\b/i;
const AGE_BEFORE = /(?:older|younger|newer) than\s*(?:the\s+)?$/i;
const COMPARATOR =
  /(more than|over|older than|at least|longer than|beyond|exceeding|greater than|less than|under|within|fewer than|younger than|newer than|below|at most|up to|no more than|shorter than)\s*(?:a\s+|the\s+)?$/i;
const OLDER_WORDS = /more|over|older|least|longer|beyond|exceeding|greater/i;
const DEF_EXPIRY = /(?:expir\w*|valid for|ttl of|lifetime of|lasts|live for)\s*(?:after|in|within|at|of|for)?\s*(?:a\s+|the\s+)?$/i;
const MAX = /(?:under|below|within|less than|at most|up to|no more than|maximum(?: of)?|max\.?|limit(?:ed)? (?:of|to)|no larger than|larger than|exceeding|over|cap(?:ped)? at|not exceed)\s*(?:a\s+|the\s+)?$/i;
const MIN = /(?:at least|minimum(?: of)?|min\.?|no less than|more than|no fewer than)\s*(?:a\s+|the\s+)?$/i;
const RELATIVE = /of each other|apart|difference|differ/i;
const PERCENTILE = /\bp(\d{2,3}(?:\.\d+)?)\b|\b(\d{2,3})(?:st|nd|rd|th) percentile\b|\b(median|average|mean|max(?:imum)?)\b/i;

const RATE =
  /(?:(at most|up to|no more than|maximum of|max(?:imum)?|limit(?:ed)? (?:of|to)|only|accepts?|allows?)\s+)?(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[A-Za-z-]+\s+)?(requests?|calls?|attempts?|messages?|emails?|logins?|tries|submissions?|uploads?|downloads?|sms|codes?|links?|exports?|events?|req|jobs?|invites?|notifications?)\b([^.;\n]{0,80}?)\b(?:per|\/|an?|every|each|within|in)\s+(?:a\s+|an\s+|the\s+|one\s+|any\s+)?(?:rolling\s+|sliding\s+|fixed\s+|last\s+)?(?:(\d+)\s*-?\s*)?(ms|s|sec|seconds?|min|minutes?|h|hr|hours?|days?|d|weeks?|months?)\b/gi;
/** A rate is a limit only where the clause says so; "at 100 requests per second" is a load, not a limit. */
const RATE_NOUN = /\b(?:requests?|calls?|attempts?|messages?|emails?|logins?|tries|submissions?|uploads?|downloads?|sms|codes?|links?|exports?|events?|req|jobs?|invites?|notifications?)\b/i;
const RATE_CONTEXT = /rate[\s-]?limit|throttl|\blimit|\b429\b|too many|\baccept|\ballow/i;

/**
 * The conflict-relevant numbers of one item, clause by clause (`clauses` are spans of
 * `masked`; literals are blank there so `{"limit":1000}` is not a statement). `expirySignal`
 * is true when the item speaks of expiry anywhere, literals included (TOKEN_EXPIRED), so
 * "a token created 10 minutes ago" reads as an age in an expiry scenario.
 */
export function numericFacts(raw: string, masked: string, clauses: Span[], expirySignal: boolean, quantities: Quantity[] = quantitiesIn(masked)): NumericFact[] {
  const facts: NumericFact[] = [];
  const rateCandidate = RATE_NOUN.test(masked);
  for (const clause of clauses) {
    const inClause = quantities.filter((q) => q.start >= clause.start && q.end <= clause.end);
    if (inClause.length === 0 && !rateCandidate) continue;
    const text = masked.slice(clause.start, clause.end);
    if (inClause.length === 0 && !/\d/.test(text)) continue;
    const found: Bare[] = [];
    if (inClause.length > 0) {
      const keywords = CONCEPT_WORDS.flatMap(([concept, re]) => [...text.matchAll(re)].map((m) => ({ concept, at: m.index ?? 0 })));
      for (const q of inClause) {
        const local = { ...q, start: q.start - clause.start, end: q.end - clause.start };
        const fact = durationFact(local, text, keywords, expirySignal) ?? boundFact(local, text);
        if (fact) found.push(fact);
      }
    }
    if (rateCandidate) found.push(...rateFacts(text));
    if (found.length === 0) continue;
    // Only now work out what the clause is about: most clauses with a number state no quantity.
    const endpoints = endpointsIn(raw.slice(clause.start, clause.end)).map((e) => `${e.method ?? '*'} ${e.path}`);
    const subject = [...contentWords(text, CONCEPT_STOP)];
    for (const fact of found) facts.push({ ...fact, subject, endpoints, start: clause.start + fact.start, end: clause.start + fact.end });
  }
  facts.push(...itemLevelFacts(raw, masked, rateCandidate));
  return facts;
}

/** Ordinal limits and retry schedules span Given/When/Then clauses, so they are read per item. */
function itemLevelFacts(raw: string, masked: string, rateCandidate: boolean): NumericFact[] {
  const ordinals = rateCandidate ? ordinalLimitsIn(masked) : [];
  const retries = retrySchedulesIn(masked);
  if (ordinals.length === 0 && retries.length === 0) return [];
  const endpoints = endpointsIn(raw).map((e) => `${e.method ?? '*'} ${e.path}`);
  const subject = [...contentWords(masked, CONCEPT_STOP)];
  const out: NumericFact[] = [];
  for (const o of ordinals) {
    const value = o.window === null ? Number.NaN : o.count / o.window;
    out.push({ concept: 'rate-limit', relation: 'max', value, qualifier: '', display: o.display, start: o.start, end: o.end, subject, endpoints, rate: { count: o.count, window: o.window } });
  }
  for (const r of retries) {
    out.push({ concept: 'retry', relation: 'def', value: r.interval ?? Number.NaN, qualifier: '', display: r.display, start: r.start, end: r.end, subject, endpoints, retry: { interval: r.interval, count: r.count } });
  }
  return out;
}

type Bare = Omit<NumericFact, 'subject' | 'endpoints'>;

function durationFact(q: Quantity, text: string, keywords: Array<{ concept: Concept; at: number }>, expirySignal: boolean): Bare | null {
  if (q.dimension !== 'duration') return null;
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  const after = text.slice(q.end, q.end + 40);
  const written = text.slice(q.start, q.end);
  const age = AGE_AFTER.test(after) || AGE_BEFORE.test(before);
  let concept: Concept | null = null;
  let best = 61;
  for (const k of keywords) {
    const distance = k.at < q.start ? q.start - k.at : k.at - q.end;
    if (distance < best) {
      best = distance;
      concept = k.concept;
    }
  }
  if (age && (concept === null || concept === 'expiry')) concept = 'expiry';
  if (!concept) return null;
  if (concept === 'latency') {
    if (RELATIVE.test(text)) return null;
    const p = PERCENTILE.exec(text);
    const qualifier = p ? (p[1] ? `p${p[1]}` : p[2] ? `p${p[2]}` : p[3].toLowerCase().replace('maximum', 'max').replace('mean', 'average')) : '';
    const relation: Relation = MAX.test(before) ? 'max' : MIN.test(before) ? 'min' : 'def';
    return { concept, relation, value: q.value, qualifier, display: written, start: q.start, end: q.end };
  }
  if (concept === 'expiry') {
    const comparator = COMPARATOR.exec(before);
    let relation: Relation | null;
    if (DEF_EXPIRY.test(before)) relation = 'def';
    else if (comparator) relation = OLDER_WORDS.test(comparator[1]) ? 'older' : 'younger';
    else if (keywords.some((k) => k.concept === 'expiry')) relation = 'def';
    else if (age) relation = expirySignal ? 'older' : null;
    else relation = null;
    if (!relation) return null;
    const from = comparator && relation !== 'def' ? q.start - (before.length - comparator.index) : q.start;
    return { concept, relation, value: q.value, qualifier: '', display: text.slice(from, q.end), start: from, end: q.end };
  }
  const relation: Relation = MAX.test(before) ? 'max' : MIN.test(before) ? 'min' : 'def';
  return { concept, relation, value: q.value, qualifier: '', display: written, start: q.start, end: q.end };
}

/** Sizes and lengths count when stated as limits ("up to 10 MB") or as a length ("64 hex characters"). */
function boundFact(q: Quantity, text: string): Bare | null {
  const before = text.slice(Math.max(0, q.start - 30), q.start);
  const display = text.slice(q.start, q.end);
  if (q.dimension === 'length') {
    const relation: Relation = MIN.test(before) ? 'min' : MAX.test(before) ? 'max' : 'def';
    return { concept: 'length', relation, value: q.value, qualifier: '', display, start: q.start, end: q.end };
  }
  if (q.dimension === 'size' && (MAX.test(before) || /\blimit|\bmax/i.test(text))) {
    return { concept: 'size-limit', relation: MIN.test(before) ? 'min' : 'max', value: q.value, qualifier: '', display, start: q.start, end: q.end };
  }
  return null;
}

function rateFacts(text: string): Bare[] {
  const out: Bare[] = [];
  RATE.lastIndex = 0;
  for (let m = RATE.exec(text); m; m = RATE.exec(text)) {
    const limitWord = m[1];
    if (!limitWord && (!RATE_CONTEXT.test(text) || /\bat\s+$/i.test(text.slice(0, m.index)))) continue;
    const unit = m[6].toLowerCase().replace(/s$/, '').replace(/^(?:seconds?|secs?)$/, 's');
    const per = PER_UNITS[unit] ?? PER_UNITS[unit.replace(/s$/, '')];
    if (!per) continue;
    const windowCount = m[5] ? Number(m[5]) : 1;
    const count = parseNumber(m[2]);
    const start = m.index + (limitWord ? 0 : m[0].indexOf(m[2]));
    out.push({
      concept: 'rate-limit',
      relation: 'max',
      rate: { count, window: windowCount * per },
      value: count / (windowCount * per),
      qualifier: '',
      display: `${m[2]} ${m[3]} per ${m[5] ? `${m[5]} ` : ''}${m[6]}`,
      start,
      end: m.index + m[0].length,
    });
  }
  return out;
}
