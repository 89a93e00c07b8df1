import { hit, type ItemRule } from '../rule.js';

const WEAK = /(?<![\p{L}\p{N}_-])(should|may|could|might|ought to|would)(?![\p{L}\p{N}_-])/giu;

export const acWeakModal: ItemRule = {
  id: 'ac/weak-modal',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Weak modal verb',
  explanation:
    '"should", "may", "could" and "might" describe a wish or a permission, not required behaviour: an implementation that does not do it still passes. An acceptance criterion states what must happen, so use "must" (or the present tense: "then the response status is 400"). In the Given part they only describe the setup and are not flagged; neither is the month "May". In a Gherkin Then/And step "should" is how Gherkin asserts, so it is not flagged there (on one line or several); "may" and "could" still are.',
  check(item) {
    const given = item.structure.clauses.filter((c) => c.role === 'given');
    // Gherkin reads "Then … should …" as an assertion, on one line or many, And/But steps
    // included (they belong to the Then clause). The same word in EARS or prose stays weak.
    const then = item.structure.style === 'given-when-then' ? item.structure.clauses.filter((c) => c.role === 'then') : [];
    const hits = [];
    WEAK.lastIndex = 0;
    for (let m = WEAK.exec(item.masked); m; m = WEAK.exec(item.masked)) {
      const start = m.index;
      const end = start + m[0].length;
      if (given.some((g) => start >= g.start && start < g.end)) continue;
      if (m[0].toLowerCase() === 'should' && then.some((t) => start >= t.start && start < t.end)) continue;
      if (m[0] === 'May' && (/\d\s*$/.test(item.masked.slice(0, start)) || /^\s*\d/.test(item.masked.slice(end)))) continue;
      hits.push(
        hit(start, end, `"${m[0]}" makes this optional: a criterion states what must happen.`, {
          suggestion: 'Use "must", or state the outcome in the present tense.',
        }),
      );
    }
    return hits;
  },
  fixes(finding, text) {
    const word = text.slice(finding.start, finding.end);
    const must = /^[A-Z]/.test(word) ? 'Must' : 'must';
    return [{ title: `Replace "${word}" with "${must}"`, edits: [{ start: finding.start, end: finding.end, newText: must }] }];
  },
};
