import { NUMBER_WORDS, parseNumberWords } from '../../units/number-words.js';
import { quantitiesIn, type Quantity } from '../text/units.js';

/** The unit right after a number word: "forty-eight hours", "three-day", "ten MB". */
const UNIT_AFTER = /^(?:\s*-\s*|\s+)(?:(?:business|calendar|working)\s+)?([\p{L}%]+)/u;

/** A cheap first look (no Unicode classes, no look-behind) before the full number-word pattern. */
const HINT = /(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)[\s-]+(?:(?:business|calendar|working)\s+)?(?:[a-z]+\s+)?(?:ms|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|wk|weeks?|months?|y|yrs?|years?|b|bytes?|kb|kib|mb|mib|gb|gib|tb|tib|[a-z]*bytes?|char|chars|characters?|%|percent|px|pixels?|[kmg]?bps)\b/i;

/**
 * Quantities whose number is written in words ("forty-eight hours", "three days"), with the
 * same shape as `quantitiesIn` so the cross-section checks compare them with "48 hours".
 * Cheap: nothing runs unless the text holds a number word at all.
 */
export function wordQuantitiesIn(text: string): Quantity[] {
  if (!HINT.test(text)) return [];
  const out: Quantity[] = [];
  NUMBER_WORDS.lastIndex = 0;
  for (let m = NUMBER_WORDS.exec(text); m; m = NUMBER_WORDS.exec(text)) {
    const parsed = parseNumberWords(m[0]);
    if (!parsed || parsed.ordinal) continue;
    const after = UNIT_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (!after) continue;
    // Reuse the digit parser's unit table: "1 hours" normalises exactly like "48 hours".
    const unit = quantitiesIn(`1 ${after[1]}`)[0];
    if (!unit || unit.end !== 2 + after[1].length) continue;
    const end = m.index + m[0].length + after[0].length;
    out.push({ start: m.index, end, value: parsed.value * unit.value, number: parsed.value, unit: unit.unit, dimension: unit.dimension });
  }
  return out;
}
