import { hit, type ItemRule } from '../rule.js';

const TRIGGER =
  /\b(?:when|whenever|after|once|if|upon|before|while|during|given|unless|until|on (?:submit|click|tap|save|load|open|receipt|success|failure|error|login|logout|startup|start)\w*|for (?:a|an|each|every|any|one)\b|is (?:sent|called|clicked|tapped|submitted|opened|requested|uploaded|received|run|loaded|pressed|deleted|created|saved)|(?:runs|opens|loads|clicks|taps|presses|types|submits|sends|calls|requests|receives|uploads|deleting|calling|sending|submitting|opening|generating|running|saving))\b/i;
const METHOD = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\//;

export const acNoTrigger: ItemRule = {
  id: 'ac/no-trigger',
  level: 'item',
  appliesTo: 'ac',
  severity: 'warning',
  english: true,
  title: 'No trigger',
  explanation:
    'A test has to start the behaviour before it can check it: a request sent, a button clicked, a job run, a condition reached. "Given …, when …", an EARS "When/While/If/Where" clause or a named request (POST /orders) all count. Static properties ("the orders table has a UNIQUE index on …") need none, which is why this is a warning; EARS ubiquitous requirements are not checked.',
  check(item) {
    const { style, trigger } = item.structure;
    if (style === 'ears-ubiquitous' || trigger.length > 0) return [];
    if (TRIGGER.test(item.masked) || METHOD.test(item.text) || item.literals.some((l) => l.kind === 'code')) return [];
    const lead = item.text.length - item.text.trimStart().length;
    return [
      hit(lead, item.text.trimEnd().length, 'Nothing says what starts this behaviour.', {
        suggestion: 'Add the trigger: "When POST /… is sent", "Given …, when the user clicks …".',
      }),
    ];
  },
};
