import { hit, type ItemRule, type RuleHit } from '../rule.js';

const W = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${word}(?![\\p{L}\\p{N}_-])`, 'giu');
const SHALL = W('shall');
const KEYWORD = /(?<![\p{L}\p{N}_-])(WHERE|WHILE|WHEN|IF|THEN)(?![\p{L}\p{N}_-])/gu;
const LEAD = /^[\s*_]*(where|while|when|if)(?![\p{L}\p{N}_-])/iu;
const GIVEN = /^[\s*_-]*given(?![\p{L}])/iu;
/** EARS writes preconditions first: an optional feature, then a state, then a trigger. */
const ORDER: Record<string, number> = { WHERE: 0, WHILE: 1, WHEN: 2, IF: 2 };
/** What may stand before "shall": "the system", "the checkout service", "System". */
const SUBJECT = /(?:^|[,\s])(?:THEN\s+)?((?:the|a|an|each|every)\s+)?[\p{L}\p{N}`"'_-][^,;:]{0,80}?\s*$/iu;

/**
 * Whether a criterion written in EARS follows one of its five patterns — ubiquitous ("The
 * <system> shall …"), event-driven ("When …"), state-driven ("While …"), unwanted behaviour
 * ("If …, then …"), optional feature ("Where …") — or their complex combination (Where, While,
 * When/If in that order), with one system and one "shall" response. Kiro's "WHEN … THEN the
 * system SHALL …" is accepted. Runs only on text that uses "shall" or opens with an EARS
 * keyword in capitals; Given/When/Then criteria are left to the other rules.
 */
export const acEars: ItemRule = {
  id: 'ac/ears',
  level: 'item',
  appliesTo: 'ac',
  severity: 'warning',
  english: true,
  title: 'EARS conformance',
  explanation:
    'EARS (Easy Approach to Requirements Syntax) has five patterns: ubiquitous "The <system> shall <response>", event-driven "When <trigger>, the <system> shall …", state-driven "While <state>, …", unwanted behaviour "If <condition>, then the <system> shall …" and optional feature "Where <feature>, …", combined in the order Where, While, When/If. A criterion that mixes them up (a trigger after the response, IF without THEN, no system before "shall", two responses) is harder to test and to trace. Rewrite it into one pattern with one "shall".',
  check(item) {
    const text = item.masked;
    if (GIVEN.test(text)) return [];
    const shalls = [...text.matchAll(SHALL)];
    const lead = LEAD.exec(text);
    const capsLead = lead && /^[A-Z]+$/.test(lead[1]);
    // WHEN/THEN without "shall" is a scenario (OpenSpec, Gherkin in capitals), not an EARS attempt.
    if (shalls.length === 0 && (!capsLead || /(?<![\p{L}\p{N}_-])then(?![\p{L}\p{N}_-])/iu.test(text))) return [];
    const hits: RuleHit[] = [];
    if (shalls.length === 0) {
      const end = text.trimEnd().length;
      return [hit(lead!.index + lead![0].length - lead![1].length, end, 'An EARS criterion needs a response with "shall": "… the <system> shall <response>".', { suggestion: 'Write "WHEN <trigger>, the <system> SHALL <response>".' })];
    }
    const first = shalls[0];
    if (shalls.length > 1) {
      const second = shalls[1];
      hits.push(hit(second.index, second.index + second[0].length, 'Two "shall" responses in one criterion: EARS states one response each.', { suggestion: 'Split it into two criteria, one "shall" each.' }));
    }
    const before = text.slice(0, first.index);
    if (!SUBJECT.test(before) || /(?:^|[,\s])(?:then|,)\s*$/iu.test(before) || before.trim() === '') {
      hits.push(hit(first.index, first.index + first[0].length, 'Name the system before "shall": EARS reads "the <system> shall <response>".', { suggestion: 'Write "… the <system> SHALL …".' }));
    }
    // Preconditions come before the response, in the order Where, While, When/If.
    const keywords = [...text.matchAll(KEYWORD)].map((m) => ({ word: m[1], at: m.index }));
    const pre = keywords.filter((k) => k.at < first.index && k.word !== 'THEN');
    for (let i = 1; i < pre.length; i++) {
      if (ORDER[pre[i].word] < ORDER[pre[i - 1].word]) {
        hits.push(hit(pre[i].at, pre[i].at + pre[i].word.length, `${pre[i].word} comes after ${pre[i - 1].word}: EARS orders preconditions Where, While, then When or If.`));
        break;
      }
    }
    const late = keywords.find((k) => k.at > first.index && k.word !== 'THEN');
    if (late) {
      hits.push(hit(late.at, late.at + late.word.length, `The ${late.word} condition comes after the response: EARS puts it first ("${late.word} …, the <system> shall …").`));
    }
    const ifAt = pre.find((k) => k.word === 'IF') ?? (lead && lead[1].toLowerCase() === 'if' ? { word: 'IF', at: lead.index + lead[0].length - 2 } : undefined);
    if (ifAt && !/(?<![\p{L}\p{N}_-])then(?![\p{L}\p{N}_-])/iu.test(text.slice(ifAt.at, first.index))) {
      hits.push(hit(ifAt.at, ifAt.at + 2, 'Unwanted behaviour in EARS reads "If <condition>, then the <system> shall …": the THEN is missing.', { suggestion: 'Add "then" before the system.' }));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
