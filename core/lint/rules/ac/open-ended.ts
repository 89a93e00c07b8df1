import { findAll, phraseRegex } from '../../text/words.js';
import { hit, type ItemRule } from '../rule.js';
import { removePhrase } from './removal.js';

const OPEN_ENDED = phraseRegex([
  'etc', 'and so on', 'and so forth', 'including but not limited to', 'but not limited to', 'among others', 'and others',
  'and more', 'or similar', 'and the like', 'or other', 'and other', 'such as',
]);
/** "e.g." and "for instance" usually illustrate a format already specified: a warning only. */
const EXAMPLES = phraseRegex(['for instance', 'for example']);

export const acOpenEnded: ItemRule = {
  id: 'ac/open-ended',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Open-ended list',
  explanation:
    '"etc.", "and so on" and "including but not limited to" leave the list of cases open, so nobody can say when the criterion is met and an agent picks the cases it likes. List every case, or split the criterion into one per case. "such as" standing in for the list is an error too; "for instance" is reported as a warning, because examples that only illustrate a format already specified ("ISO 8601, e.g. 2025-01-31") are fine.',
  check(item) {
    const hits = findAll(OPEN_ENDED, item.masked).map((m) =>
      hit(m.start, m.end, `"${m.text}" leaves the list open: say exactly which cases are covered.`, { suggestion: 'List every case, or write one criterion per case.' }),
    );
    for (const m of findAll(EXAMPLES, item.masked)) {
      hits.push(hit(m.start, m.end, `"${m.text}" gives examples, not the full list a test needs.`, { severity: 'warning' }));
    }
    return hits.sort((a, b) => a.start - b.start);
  },
  fixes(finding, text) {
    const phrase = text.slice(finding.start, finding.end);
    if (/such as|for instance|for example/i.test(phrase)) return [];
    return [{ title: `Remove "${phrase}" (then list every case)`, edits: [removePhrase(text, finding.start, finding.end)] }];
  },
};
