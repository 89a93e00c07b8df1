import { hit, type ItemRule } from '../rule.js';
import { unquantifiedHits } from '../ac/unquantified-performance.js';
import { vagueHit, vagueMatches } from '../ac/vague-term.js';

export const frVagueTerm: ItemRule = {
  id: 'fr/vague-term',
  level: 'item',
  appliesTo: 'fr',
  severity: 'error',
  english: true,
  title: 'Vague term in a requirement',
  explanation:
    'A requirement with "properly", "appropriate", "user-friendly" or an unquantified "fast" tells an agent to guess. Say what the system does: the status, the stored state, the limit with its number and unit. Words in quotes, code spans and JSON are names and are not flagged.',
  check(item, env) {
    const hits = vagueMatches(item, env.lexicon).map(vagueHit);
    for (const h of unquantifiedHits(item, env.lexicon, 'the requirement')) hits.push(hit(h.start, h.end, h.message, { suggestion: h.suggestion }));
    return hits.sort((a, b) => a.start - b.start);
  },
};
