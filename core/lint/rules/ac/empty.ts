import { hit, type ItemRule } from '../rule.js';

export const acEmpty: ItemRule = {
  id: 'ac/empty',
  level: 'item',
  appliesTo: 'ac',
  severity: 'error',
  english: false,
  onEmpty: true,
  title: 'Empty acceptance criterion',
  explanation:
    'An acceptance criterion with an id and no text ("AC-4:") promises a check that does not exist. A reviewer reads it as covered, an agent skips it. Write the criterion — "Given …, when …, then the response status is …" — or delete the id.',
  check(item) {
    const body = item.text.replace(/^\s*\[[ xX]\]\s*/, '');
    return body.trim() === '' ? [hit(0, item.text.length, 'This acceptance criterion is empty.', { suggestion: 'Write "Given …, when …, then …" with an observable outcome, or remove the id.' })] : [];
  },
  fixes(_finding, text) {
    return [{ title: 'Insert a Given/When/Then skeleton', edits: [{ start: text.length, end: text.length, newText: 'Given ___, when ___, then the response status is ___.' }] }];
  },
};
