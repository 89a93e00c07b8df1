export type Dimension = 'duration' | 'size' | 'length' | 'percent' | 'bandwidth' | 'pixels';

interface Unit {
  dimension: Dimension;
  /** Multiplier to the dimension's base: seconds, bytes, characters, percent, bits/s, pixels. */
  factor: number;
}

const UNITS: Record<string, Unit> = {};
const add = (names: string, dimension: Dimension, factor: number) => {
  for (const name of names.split(' ')) UNITS[name] = { dimension, factor };
};
add('ms msec msecs millisecond milliseconds', 'duration', 0.001);
add('s sec secs second seconds', 'duration', 1);
add('min mins minute minutes', 'duration', 60);
add('h hr hrs hour hours', 'duration', 3600);
add('d day days', 'duration', 86400);
add('wk week weeks', 'duration', 604800);
add('month months', 'duration', 2592000);
add('y yr year years', 'duration', 31536000);
add('b byte bytes', 'size', 1);
add('kb kib kilobyte kilobytes', 'size', 1024);
add('mb mib megabyte megabytes', 'size', 1024 ** 2);
add('gb gib gigabyte gigabytes', 'size', 1024 ** 3);
add('tb tib terabyte terabytes', 'size', 1024 ** 4);
add('character characters char chars', 'length', 1);
add('% percent', 'percent', 1);
add('bps', 'bandwidth', 1);
add('kbps', 'bandwidth', 1e3);
add('mbps', 'bandwidth', 1e6);
add('gbps', 'bandwidth', 1e9);
add('px pixel pixels', 'pixels', 1);

/** Units a count can be "per" (requests per hour, 5 req/min). */
export const PER_UNITS: Record<string, number> = {
  ms: 0.001, millisecond: 0.001, s: 1, sec: 1, second: 1, min: 60, minute: 60, h: 3600, hr: 3600, hour: 3600,
  d: 86400, day: 86400, week: 604800, month: 2592000,
};

const UNIT_WORDS = Object.keys(UNITS)
  .filter((u) => u !== '%')
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A number with a unit: "15 minutes", "200 ms", "7-day", "1.5 s", "10 MB", "99.9%",
 * "64 hexadecimal characters" (one describing word may sit between number and unit).
 */
export const QUANTITY = new RegExp(
  `(?<![\\p{L}\\p{N}_.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?:\\s*%|(?:\\s*-\\s*|\\s+|)(?:(hex|hexadecimal|decimal|alphanumeric|ascii|business|calendar|working)\\s+)?(${UNIT_WORDS})(?![\\p{L}\\p{N}_]))`,
  'giu',
);

export interface Quantity {
  start: number;
  end: number;
  /** Value in the dimension's base unit (seconds, bytes, characters…). */
  value: number;
  /** The number as written, before the unit conversion. */
  number: number;
  unit: string;
  dimension: Dimension;
}

export function parseNumber(digits: string, fraction?: string): number {
  return Number(digits.replace(/,/g, '') + (fraction ? `.${fraction}` : ''));
}

/** Every number-with-unit in the text. */
export function quantitiesIn(text: string, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  const slice = text.slice(from, to);
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(slice); m; m = QUANTITY.exec(slice)) {
    const unitWord = m[4] ? m[4].toLowerCase() : '%';
    const unit = UNITS[unitWord];
    if (!unit) continue;
    const number = parseNumber(m[1], m[2]);
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      value: number * unit.factor,
      number,
      unit: unitWord,
      dimension: unit.dimension,
    });
  }
  return out;
}

/** A number with a unit, or a rate ("100 requests per second", "5 req/min", "2,000 rps"). */
export function hasQuantity(text: string): boolean {
  QUANTITY.lastIndex = 0;
  if (QUANTITY.test(text)) return true;
  return /\d\s*(?:rps|rpm|qps|tps|req\/s|requests?\/s)\b/i.test(text) || /\d[\d,.]*\s+\p{L}+(?:\s+\p{L}+)?\s+(?:per|\/|an?|each)\s*(?:second|sec|minute|min|hour|day|s)\b/iu.test(text);
}
