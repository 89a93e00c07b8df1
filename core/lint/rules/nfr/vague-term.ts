import { vagueHit, vagueMatches } from '../ac/vague-term.js';
import type { ItemRule } from '../rule.js';

export const nfrVagueTerm: ItemRule = {
  id: 'nfr/vague-term',
  level: 'item',
  appliesTo: 'nfr',
  severity: 'warning',
  english: true,
  title: 'Vague term in a quality requirement',
  explanation:
    '"Tokens must be secure" or "log the important events" leave the agent to decide what secure or important means. Name the mechanism or the list: "tokens come from crypto.randomBytes(32)", "log INFO events for … and WARN events for …". Speed and capacity words are reported by nfr/unquantified.',
  check(item, env) {
    return vagueMatches(item, env.lexicon).map(vagueHit);
  },
};
