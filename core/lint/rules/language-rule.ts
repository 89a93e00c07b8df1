import type { ItemKind } from '../../spec/model.js';
import { hit, type ItemRule } from './rule.js';

/**
 * FR-7: the item rules read English words, so text in another language would otherwise pass
 * with no finding at all. One info finding says it was not checked; the verdict stays open.
 */
export function languageRule(kind: ItemKind): ItemRule {
  return {
    id: `${kind}/language-not-supported`,
    level: 'item',
    appliesTo: kind,
    severity: 'info',
    english: false,
    title: 'Language not supported',
    explanation:
      'The rules are written per language and only English has rules so far. Text in another language is reported "not checked" instead of passing silently: an acceptance criterion in it is neither binary nor not binary, and earns no readiness credit. Quoted UI text and code do not count, so an English criterion about a Russian label is checked as usual.',
    check(item) {
      if (item.english) return [];
      const lead = item.text.length - item.text.trimStart().length;
      return [hit(lead, item.text.trimEnd().length, `not checked: language not supported (${item.language})`)];
    },
  };
}
