import { hit, type ItemRule, type RuleHit } from '../rule.js';

const STATUS_ALTERNATIVES = /\b[1-5]\d\d(?:\s*,\s*[1-5]\d\d)*\s+or\s+[1-5]\d\d\b/g;
const AND_OR = /\band\/or\b/gi;

export const acCompound: ItemRule = {
  id: 'ac/compound',
  level: 'item',
  appliesTo: 'ac',
  severity: 'warning',
  english: true,
  title: 'Compound criterion',
  explanation:
    'One criterion, one scenario. Two When/Then pairs in one item, "and/or", or a choice of status codes ("404 or 410") make the result depend on which half a tester checks, and a failure report cannot say which behaviour broke. Several outcomes of one scenario ("status 201, 1 row inserted and 1 event published") are fine: each is checked. Split the item into one criterion per scenario, and pick one status code.',
  check(item) {
    const hits: RuleHit[] = [];
    const { clauses } = item.structure;
    const firstThen = clauses.findIndex((c) => c.role === 'then');
    const again = firstThen === -1 ? undefined : clauses.slice(firstThen + 1).find((c) => c.role === 'when' || c.role === 'given');
    if (again) hits.push(hit(again.start, again.end, 'A second scenario starts here: split it into its own criterion.'));
    for (const m of item.masked.matchAll(AND_OR)) hits.push(hit(m.index, m.index + m[0].length, '"and/or" leaves open whether one or both must happen.'));
    for (const m of item.masked.matchAll(STATUS_ALTERNATIVES)) {
      hits.push(hit(m.index, m.index + m[0].length, 'Either status code passes: decide which one the API returns.'));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
};
