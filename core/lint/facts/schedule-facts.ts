import { parseNumberWords, parseOrdinalDigits, timesWord } from '../../units/number-words.js';
import { PER_UNITS } from '../text/units.js';

/**
 * The two rate and schedule shapes the per-clause number reader misses (FR-8):
 * - an ordinal request that is refused: "the 51st request within 10 minutes gets 429" states a
 *   limit of 50 per 10 minutes;
 * - a retry schedule: "retried every 30 s up to 4 times" vs "every minute, 3 times".
 * Both read the whole item, because Given/When/Then puts the window, the ordinal and the 429 in
 * different clauses.
 */

const NOUN = 'requests?|calls?|attempts?|messages?|emails?|logins?|tries|submissions?|uploads?|downloads?|sms|codes?|links?|exports?|events?|jobs?|invites?|invitations?|notifications?|one';
/** Digits, or one or two words that `numberOf` checks ("forty-eight", "three"): a small regex, the word list stays in code. */
const NUM = '\\d+(?:\\.\\d+)?|[a-z]+(?:-[a-z]+)?';
const UNIT = 'ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|d|weeks?|months?';

const ORDINAL = new RegExp(`\\b(?:the|a|an|each|any)\\s+(\\d{1,3}(?:,\\d{3})*(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\\b(?:\\s+(?:[A-Za-z-]+\\s+)?(${NOUN})\\b)?`, 'gi');
const REFUSED = /\b429\b|too many|rate[\s-]?limit|throttl|\breject|\brefus|\bblock|\bdenied|\bden(?:y|ies)\b/i;
const WINDOW = new RegExp(`\\b(?:within|in|per|during|inside|over)\\s+(?:a\\s+|an\\s+|the\\s+|one\\s+|any\\s+|the\\s+same\\s+)?(?:rolling\\s+|sliding\\s+|fixed\\s+|last\\s+|past\\s+)?(?:(${NUM})\\s*-?\\s*)?(${UNIT})\\b`, 'gi');

const RETRY = /\bretr(?:y|ies|ied|ying)\b|\bre-?attempt\w*|\bredeliver\w*|\bre-?sen[dt]\w*/i;
const INTERVAL = new RegExp(
  `\\b(?:every|each)\\s+(?:(${NUM})\\s*-?\\s*)?(${UNIT})\\b|\\b(?:at|in)\\s+(${NUM})\\s*-?\\s*(${UNIT})\\s+intervals\\b|\\b(?:interval|delay|backoff|wait)\\s+of\\s+(${NUM})\\s*-?\\s*(${UNIT})\\b|\\b(${NUM})\\s*-?\\s*(${UNIT})\\s+(?:apart|between)\\b`,
  'gi',
);
const COUNT = new RegExp(`\\b(?:(${NUM})\\s+(?:more\\s+)?(times|retries|retry attempts|attempts|tries)\\b|(once|twice|thrice))`, 'gi');

function numberOf(text: string | undefined): number | null {
  if (text === undefined || text === '') return 1;
  if (/^\d/.test(text)) return Number(text);
  const w = parseNumberWords(text);
  return w && !w.ordinal ? w.value : null;
}

function seconds(unit: string): number | null {
  const u = unit.toLowerCase();
  const key = /^ms|millisecond/.test(u) ? 'ms' : /^s$|^sec|^second/.test(u) ? 's' : /^min/.test(u) ? 'min' : /^h/.test(u) ? 'h' : /^d/.test(u) ? 'd' : /^week/.test(u) ? 'week' : /^month/.test(u) ? 'month' : '';
  return PER_UNITS[key] ?? null;
}

export interface OrdinalLimit {
  /** The limit the ordinal implies: the 51st is refused, so 50 are allowed. */
  count: number;
  /** Window in seconds, or null when the item names none. */
  window: number | null;
  display: string;
  start: number;
  end: number;
}

/** "the 51st request (within 10 minutes) … 429": a refused ordinal request read as a limit. */
export function ordinalLimitsIn(masked: string): OrdinalLimit[] {
  if (!REFUSED.test(masked)) return [];
  const out: OrdinalLimit[] = [];
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(masked); m; m = ORDINAL.exec(masked)) {
    const word = m[1].toLowerCase();
    const n = parseOrdinalDigits(word) ?? (word === 'second' && m[2] ? 2 : (() => {
      const w = parseNumberWords(word);
      return w?.ordinal ? w.value : null;
    })());
    if (n === null || n < 2 || (!m[2] && !new RegExp(`\\b(?:${NOUN})\\b`, 'i').test(masked))) continue;
    // "the second request" after "one request" is a count; a unit "second" never reaches here (no noun).
    let window: number | null = null;
    let windowText = '';
    WINDOW.lastIndex = 0;
    for (let w = WINDOW.exec(masked); w; w = WINDOW.exec(masked)) {
      const count = numberOf(w[1]);
      const unit = seconds(w[2]);
      if (count !== null && unit !== null) {
        window = count * unit;
        windowText = w[0];
        break;
      }
    }
    const start = m.index;
    out.push({ count: n - 1, window, display: `${m[0].trim()} is refused (${n - 1} allowed${windowText ? ` ${windowText.trim()}` : ''})`, start, end: m.index + m[0].length });
  }
  return out;
}

export interface RetrySchedule {
  /** Seconds between attempts, or null when not stated. */
  interval: number | null;
  /** Retries, or null when not stated. */
  count: number | null;
  display: string;
  start: number;
  end: number;
}

/** "retried every 30 s up to 4 times", "retries three times at 1-minute intervals". */
export function retrySchedulesIn(masked: string): RetrySchedule[] {
  const r = RETRY.exec(masked);
  if (!r) return [];
  let interval: number | null = null;
  let from = r.index;
  let to = r.index + r[0].length;
  INTERVAL.lastIndex = 0;
  for (let m = INTERVAL.exec(masked); m; m = INTERVAL.exec(masked)) {
    const count = numberOf(m[1] ?? m[3] ?? m[5] ?? m[7]);
    const unit = seconds(m[2] ?? m[4] ?? m[6] ?? m[8]);
    if (count === null || unit === null) continue;
    interval = count * unit;
    from = Math.min(from, m.index);
    to = Math.max(to, m.index + m[0].length);
    break;
  }
  let count: number | null = null;
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(masked); m; m = COUNT.exec(masked)) {
    const n = m[3] ? timesWord(m[3]) : numberOf(m[1]);
    if (n === null) continue;
    count = n;
    from = Math.min(from, m.index);
    to = Math.max(to, m.index + m[0].length);
    break;
  }
  if (interval === null && count === null) return [];
  const parts = [interval !== null ? `every ${describe(interval)}` : '', count !== null ? `${count} time${count === 1 ? '' : 's'}` : ''].filter(Boolean);
  return [{ interval, count, display: parts.join(', '), start: from, end: to }];
}

function describe(secondsValue: number): string {
  if (secondsValue % 86400 === 0) return `${secondsValue / 86400} d`;
  if (secondsValue % 3600 === 0) return `${secondsValue / 3600} h`;
  if (secondsValue % 60 === 0) return `${secondsValue / 60} min`;
  return `${secondsValue} s`;
}
