/**
 * Numbers written as words count like digits (rubric: "exactly one file", "three retries").
 * `withDigits` rewrites them so the digit-based checks (counts, "within 5 s") see them; it is
 * used for testing text, never for offsets, because the rewrite changes the length.
 */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };
const VALUE = new Map<string, number>([...UNITS.map((w, i) => [w, i] as const), ...TENS.map((w, i) => [w, i * 10] as const).filter(([w]) => w), ['single', 1], ['twice', 2], ['both', 2], ['dozen', 12]]);

const WORD = `(?:${[...VALUE.keys(), ...Object.keys(SCALES)].join('|')})`;
/** "fifty thousand", "twenty-five", "one hundred and twenty". */
export const NUMBER_WORDS = new RegExp(`(?<![\\p{L}\\p{N}_-])${WORD}(?:(?:[\\s-]+|\\s+and\\s+)${WORD})*(?![\\p{L}\\p{N}_-])`, 'giu');

function valueOf(phrase: string): number | null {
  let total = 0;
  let current = 0;
  for (const word of phrase.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    const scale = SCALES[word];
    if (scale) {
      current = Math.max(1, current) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else {
      const v = VALUE.get(word);
      if (v === undefined) return null;
      current += v;
    }
  }
  return total + current;
}

/** A cheap test that lets most texts skip the full search. */
const MAYBE = /zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|single|twice|both|dozen/i;

/** `text` with every number written in words replaced by its digits ("five seconds" → "5 seconds"). */
export function withDigits(text: string): string {
  if (!MAYBE.test(text)) return text;
  return text.replace(NUMBER_WORDS, (m) => {
    // "one of", "the one" and "no one" are pronoun-like uses, not counts.
    const v = valueOf(m);
    return v === null ? m : String(v);
  });
}
