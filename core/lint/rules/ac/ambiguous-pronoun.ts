import { wordsOf } from '../../text/words.js';
import { hit, type ItemRule } from '../rule.js';

const PRONOUN = /(?<![\p{L}\p{N}_-])(it|its|they|them|their|this|these)(?![\p{L}\p{N}_'’-])/giu;

/** Words that cannot be what a pronoun points back to. */
const NOT_NOUN = new Set(
  `a an the and or but nor of to in on at by for with from as is are be been being was were will shall must should may might can could
  has have had do does did not no than then that when whenever while where if once given after before since until upon during so also
  only just very still already again it its they them their this these those there here which who whom whose what also both either
  every each all any some once soon now later first last next then finally`.split(/\s+/),
);
/** After "this"/"these", a verb means a pronoun ("This is shown"); a noun means a determiner ("this token"). */
const VERBISH = new Set('is are was were will shall must should can could may might has have had does do did means happens gets becomes'.split(' '));

function isDeterminer(masked: string, end: number): boolean {
  const next = /^\s*([\p{L}][\p{L}\p{N}_'’-]*)/u.exec(masked.slice(end));
  if (!next) return false;
  const word = next[1].toLowerCase();
  if (VERBISH.has(word)) return false;
  return !(word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && word.length > 3);
}

export const acAmbiguousPronoun: ItemRule = {
  id: 'ac/ambiguous-pronoun',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Pronoun without antecedent',
  explanation:
    'A criterion is read on its own — in a test report, in a review comment, by an agent. "It returns 401" or "They receive an email" does not say what returns or who receives, so nobody knows what to check. Name the thing: "POST /login returns 401", "the registered user receives 1 email". A pronoun is fine once the criterion itself has named something it can refer to ("Given a user, when they …").',
  check(item) {
    const hasLiteralBefore = (offset: number) => item.literals.some((l) => l.end <= offset);
    const words = wordsOf(item.masked);
    PRONOUN.lastIndex = 0;
    for (let m = PRONOUN.exec(item.masked); m; m = PRONOUN.exec(item.masked)) {
      const start = m.index;
      const end = start + m[0].length;
      const lower = m[0].toLowerCase();
      if ((lower === 'this' || lower === 'these') && isDeterminer(item.masked, end)) continue;
      const antecedent =
        hasLiteralBefore(start) ||
        words.some((w) => w.end <= start && !NOT_NOUN.has(w.word) && !/(?:ly|ed)$/.test(w.word) && w.word.length > 1);
      if (antecedent) return [];
      return [
        hit(start, end, `"${m[0]}" has nothing to refer to in this criterion.`, {
          suggestion: 'Name the thing: the endpoint, the user, the page.',
        }),
      ];
    }
    return [];
  },
};
