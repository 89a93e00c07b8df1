import { hit, type ItemRule } from '../rule.js';

const SUBJECT = String.raw`(?:the|a|an|each|every)\s+[^,.;\n]{1,80}?`;
// spec-kit writes "System MUST …" and "Users MUST be able to …" without an article.
const BARE_SUBJECT = String.raw`(?:system|users?|admins?|operators?)`;
const FORM = new RegExp(
  String.raw`^[\s*_]*(?:(?:${SUBJECT}|${BARE_SUBJECT})\s+(?:must|shall)\b|(?:when|if|while|where|after|once|before|during|for|on|upon)\b[^\n]*?,\s*${SUBJECT}\s+(?:must|shall)\b)`,
  'iu',
);
/** A user story ("As a member, I want …, so that …") is Kiro's and spec-kit's form of a requirement. */
const USER_STORY = /^[\s*_]*As (?:an?|the)\s[^,\n]{1,80},\s*I\s+(?:want|need|can)\b/iu;
const WEAK = /(?<![\p{L}])(should|may|could|might|will)(?![\p{L}])/iu;

export const frForm: ItemRule = {
  id: 'fr/form',
  level: 'item',
  appliesTo: 'fr',
  severity: 'warning',
  english: true,
  title: 'Requirement form',
  explanation:
    'Functional requirements read alike so that a reviewer and an agent can scan them: "The system must …" or, for behaviour with a trigger, "When …, the system must …". Imperatives ("Add an endpoint …") and weak modals ("The system should …") hide who is responsible and whether the behaviour is required.',
  check(item) {
    if (FORM.test(item.masked) || USER_STORY.test(item.masked)) return [];
    const weak = WEAK.exec(item.masked);
    if (weak) {
      return [
        hit(weak.index, weak.index + weak[0].length, `"${weak[0]}" does not make this a requirement: use "must".`, {
          suggestion: 'Write "The system must …" or "When …, the system must …".',
        }),
      ];
    }
    const lead = item.text.length - item.text.trimStart().length;
    return [
      hit(lead, item.text.trimEnd().length, 'Write this as "The system must …" or "When …, the system must …".', {
        suggestion: 'Name the actor and use "must": "The system must …".',
      }),
    ];
  },
  fixes(finding, text) {
    const word = text.slice(finding.start, finding.end);
    if (!/^(?:should|may|could|might|will)$/i.test(word)) return [];
    const must = /^[A-Z]/.test(word) ? 'Must' : 'must';
    return [{ title: `Replace "${word}" with "${must}"`, edits: [{ start: finding.start, end: finding.end, newText: must }] }];
  },
};
