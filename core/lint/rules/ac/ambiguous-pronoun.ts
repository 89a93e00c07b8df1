import { wordsOf, type Word } from '../../text/words.js';
import { hit, type ItemRule, type RuleHit } from '../rule.js';

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

/** People a criterion names: the referents "they", "he" and "she" can point back to. */
const PERSON = new Set(
  `user admin administrator owner member customer buyer seller vendor merchant guest visitor viewer host organiser organizer attendee
  participant manager employee employer teacher student instructor learner parent doctor clinician nurse patient pharmacist driver
  courier rider passenger recipient sender author reviewer approver requester assignee reporter subscriber follower inviter invitee
  marketer analyst developer operator agent player moderator caller applicant candidate recruiter landlord contractor supplier
  colleague coach mentor superuser partner picker cashier clerk technician engineer designer tester lead supervisor accountant
  volunteer donor shopper traveller traveler tenant-admin publisher editor-in-chief`.split(/\s+/),
);
const PERSONAL = /(?<![\p{L}\p{N}_-])(they|them|their|he|him|his|she|her)(?![\p{L}\p{N}_'’-])/giu;
const DETERMINER = new Set('a an the another that this each one other'.split(' '));
/** Two things joined by and/or ("a gateway and a sensor"): "it" after them could be either. */
const THING_PAIR = /(?<![\p{L}\p{N}_-])(?:a|an|the)\s+([\p{L}-]+)\s+(?:and|or)\s+(?:a|an|the)\s+([\p{L}-]+)(?![\p{L}\p{N}_-])/giu;
const IT = /(?<![\p{L}\p{N}_-])(it|its)(?![\p{L}\p{N}_'’-])/giu;

/** People named as "a/the <person>" or "the new <person>'s" (one adjective allowed), in text order. */
function peopleNamed(words: Word[]): Array<{ at: number; noun: string }> {
  const people: Array<{ at: number; noun: string }> = [];
  words.forEach((w, i) => {
    if (!DETERMINER.has(w.word)) return;
    for (const next of words.slice(i + 1, i + 3)) {
      const noun = next.word.replace(/['’]s$/, '');
      if (PERSON.has(noun)) {
        people.push({ at: next.start, noun });
        return;
      }
    }
  });
  return people;
}

/**
 * The rubric's second case: a pronoun with two or more plausible referents whose readings need
 * different checks ("when the admin revokes the member's session, they see a banner").
 */
function twoReferents(masked: string, words: Word[]): RuleHit | null {
  const named = peopleNamed(words);
  PERSONAL.lastIndex = 0;
  for (let m = named.length >= 2 ? PERSONAL.exec(masked) : null; m; m = PERSONAL.exec(masked)) {
    const at = m.index;
    const people = new Set(named.filter((p) => p.at < at).map((p) => p.noun));
    if (people.size >= 2) {
      return hit(m.index, m.index + m[0].length, `"${m[0]}" could mean the ${[...people].join(' or the ')}: the checks differ.`, {
        suggestion: 'Repeat the noun: "the member sees …".',
      });
    }
  }
  if (!/\b(?:and|or)\b/i.test(masked) || !/\bits?\b/i.test(masked)) return null;
  THING_PAIR.lastIndex = 0;
  for (let pair = THING_PAIR.exec(masked); pair; pair = THING_PAIR.exec(masked)) {
    const [a, b] = [pair[1].toLowerCase(), pair[2].toLowerCase()];
    if (a === b || PERSON.has(a) || PERSON.has(b) || a.endsWith('s') || b.endsWith('s')) continue;
    IT.lastIndex = pair.index + pair[0].length;
    const it = IT.exec(masked);
    if (it) {
      return hit(it.index, it.index + it[0].length, `"${it[0]}" could mean the ${a} or the ${b}: the checks differ.`, { suggestion: `Repeat the noun: "the ${b} …".` });
    }
  }
  return null;
}

export const acAmbiguousPronoun: ItemRule = {
  id: 'ac/ambiguous-pronoun',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Pronoun without antecedent',
  explanation:
    'A criterion is read on its own — in a test report, in a review comment, by an agent. "It returns 401" or "They receive an email" does not say what returns or who receives, so nobody knows what to check. Name the thing: "POST /login returns 401", "the registered user receives 1 email". A pronoun is fine once the criterion itself has named exactly one thing it can refer to ("Given a user, when they …"); with two candidates ("when the admin removes the member, they see a banner") it is reported too, because each reading needs a different check.',
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
      if (antecedent) break;
      return [
        hit(start, end, `"${m[0]}" has nothing to refer to in this criterion.`, {
          suggestion: 'Name the thing: the endpoint, the user, the page.',
        }),
      ];
    }
    const ambiguous = twoReferents(item.masked, words);
    return ambiguous ? [ambiguous] : [];
  },
};
