import { findAll, phraseRegex } from '../../text/words.js';
import { hit, type ItemRule } from '../rule.js';
import { removePhrase } from './removal.js';

export const ESCAPE_CLAUSES = phraseRegex([
  'if possible', 'where possible', 'when possible', 'as far as possible', 'as much as possible', 'to the extent possible',
  'if practical', 'where practical', 'if feasible', 'where feasible', 'when feasible', 'as appropriate', 'where appropriate',
  'if appropriate', 'when appropriate', 'as needed', 'where needed', 'if needed', 'when needed', 'as necessary', 'if necessary',
  'where necessary', 'when necessary', 'as required', 'if applicable', 'where applicable', 'when applicable', 'as applicable',
  'if desired', 'at the discretion of', 'unless otherwise', 'if time permits', 'ideally', 'possibly', 'optionally', 'maybe',
  'perhaps', 'where relevant', 'if relevant', 'if supported', 'where supported by',
]);

export const acEscapeClause: ItemRule = {
  id: 'ac/escape-clause',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: true,
  title: 'Escape clause',
  explanation:
    'Phrases such as "if possible", "where appropriate", "as needed" or "if feasible" let an implementation skip the behaviour and still pass, so the criterion can never fail. State the condition under which the behaviour is required ("If the file is larger than 10 MB, …") or drop the phrase and require it always.',
  check(item) {
    return findAll(ESCAPE_CLAUSES, item.masked).map((m) =>
      hit(m.start, m.end, `"${m.text}" is an escape clause: the criterion cannot fail while it is there.`, {
        suggestion: 'Name the exact condition, or remove the phrase and require the behaviour.',
      }),
    );
  },
  fixes(finding, text) {
    return [{ title: `Remove "${text.slice(finding.start, finding.end)}"`, edits: [removePhrase(text, finding.start, finding.end)] }];
  },
};
