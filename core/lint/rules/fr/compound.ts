import { hit, type ItemRule, type RuleHit } from '../rule.js';

const MODAL = /(?<![\p{L}])(must|shall|should|will)(?![\p{L}])/giu;
/** "must send a login link and log the user in": two verbs, no list, one "and". */
const TWO_ACTIONS = /(?<![A-Za-z])(?:[Mm]ust|[Ss]hall|[Ss]hould)\s+(?:not\s+)?([a-z]+)\b[^,;.]*?\band\s+(send|log|create|delete|update|return|store|notify|redirect|show|display|insert|generate|validate|check|reject|accept|emit|publish|enqueue|mark|lock|provide|issue|set|write|reply|respond|remove|email|charge|refund|sign|revoke|expire|invalidate|record|track)\b/;

export const frCompound: ItemRule = {
  id: 'fr/compound',
  level: 'item',
  appliesTo: 'fr',
  severity: 'warning',
  english: true,
  title: 'More than one requirement',
  explanation:
    'One FR, one requirement: when an item says "must X and must Y", or holds two sentences that each require something, an acceptance criterion can cover one half and the item still looks covered. Split it into numbered requirements. Ordered steps of one behaviour written as a list ("must set used_at, issue the JWT, and reply 200") are not reported.',
  check(item) {
    const hits: RuleHit[] = [];
    const modals = [...item.masked.matchAll(MODAL)];
    if (modals.length >= 2) {
      const second = modals[1];
      hits.push(hit(second.index, second.index + second[0].length, 'A second requirement starts here: give it its own FR.'));
      return hits;
    }
    const two = TWO_ACTIONS.exec(item.masked);
    if (two && !/,/.test(item.masked.slice(two.index, two.index + two[0].length))) {
      const at = two.index + two[0].length - two[2].length;
      hits.push(hit(at, at + two[2].length, `"${two[1]}" and "${two[2]}" are two behaviours: split them into two FRs.`));
    }
    return hits;
  },
};
