/**
 * English numbers written as words, cardinal and ordinal: "forty-eight", "three", "a hundred
 * and one", "fifty-first". Enough for the quantities specs write in words (durations, counts,
 * retries); not a general number parser (no "one point five", no "a million and …" chains).
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const ORDINAL_UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90 };
const ORDINAL_SCALES: Record<string, number> = { hundredth: 100, thousandth: 1000 };
/** Words that mean a count on their own ("retried twice", "a dozen attempts"). */
const SPECIAL: Record<string, number> = { once: 1, twice: 2, thrice: 3, dozen: 12, a: 1, an: 1 };

const WORDS = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(ORDINAL_UNITS), ...Object.keys(ORDINAL_TENS), ...Object.keys(ORDINAL_SCALES)].sort(
  (a, b) => b.length - a.length,
);
const ALL = WORDS.join('|');
/** After another number word "second" is the unit ("one second"), never "twenty-second". */
const NEXT = WORDS.filter((w) => w !== 'second').join('|');

/**
 * A run of number words: "forty-eight", "one hundred and twenty", "fifty-first". "a" and "an"
 * only lead a scale ("a hundred"); a lone "second" is left to the caller (a unit more often
 * than an ordinal), see `parseNumberWords`.
 */
export const NUMBER_WORDS = new RegExp(`(?<![\\p{L}\\p{N}-])(?:(?:a|an)\\s+(?=hundred|thousand|dozen))?(?:${ALL}|dozen)(?:(?:\\s*-\\s*|\\s+(?:and\\s+)?)(?:${NEXT})(?![\\p{L}]))*(?![\\p{L}\\p{N}])`, 'giu');

export interface WordNumber {
  value: number;
  ordinal: boolean;
}

/** The value of a run of number words, or null when it is not one ("second" alone is null: a unit). */
export function parseNumberWords(text: string): WordNumber | null {
  const all = text.toLowerCase().split(/[\s-]+/).filter((w) => w);
  // "and" joins only after a scale ("a hundred and one"); "three and four" is two numbers.
  if (all.some((w, i) => w === 'and' && !(all[i - 1] in SCALES))) return null;
  const words = all.filter((w) => w !== 'and');
  if (words.length === 0) return null;
  if (words.length === 1 && words[0] === 'second') return null;
  let total = 0;
  let group = 0;
  let ordinal = false;
  for (const [i, w] of words.entries()) {
    if (ordinal) return null; // an ordinal word ends the number
    if (w in SPECIAL && (w === 'a' || w === 'an')) {
      if (i !== 0) return null;
      group = 1;
    } else if (w === 'dozen') {
      group = (group || 1) * 12;
    } else if (w in UNITS) group += UNITS[w];
    else if (w in TENS) group += TENS[w];
    else if (w in ORDINAL_UNITS) {
      group += ORDINAL_UNITS[w];
      ordinal = true;
    } else if (w in ORDINAL_TENS) {
      group += ORDINAL_TENS[w];
      ordinal = true;
    } else if (w in SCALES || w in ORDINAL_SCALES) {
      const scale = SCALES[w] ?? ORDINAL_SCALES[w];
      ordinal = w in ORDINAL_SCALES;
      if (scale === 100) group = (group || 1) * 100;
      else {
        total += (group || 1) * scale;
        group = 0;
      }
    } else return null;
  }
  return { value: total + group, ordinal };
}

/** "once", "twice", "thrice" as counts of times. */
export function timesWord(word: string): number | null {
  const w = word.toLowerCase();
  return w === 'once' || w === 'twice' || w === 'thrice' ? SPECIAL[w] : null;
}

/** "51st", "3rd", "(N+1)th" is not a number: digits with an ordinal suffix only. */
export function parseOrdinalDigits(text: string): number | null {
  const m = /^(\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)$/i.exec(text.trim());
  return m ? Number(m[1].replace(/,/g, '')) : null;
}
