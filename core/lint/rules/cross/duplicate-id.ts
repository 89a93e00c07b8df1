import type { ItemView, SpecRule } from '../rule.js';

export const crossDuplicateId: SpecRule = {
  id: 'cross/duplicate-id',
  level: 'spec',
  severity: 'error',
  english: false,
  title: 'Duplicate id',
  explanation:
    'Two items with the same id (two FR-3s, two AC-7s) make every reference to that id ambiguous: a review comment, a coverage check or an agent cannot tell which one is meant. Renumber one of them.',
  check(spec) {
    const byId = new Map<string, ItemView[]>();
    for (const view of spec.items) {
      // push, not spread: 5,000 items with one id must stay linear (FR-9).
      const list = byId.get(view.item.id);
      if (list) list.push(view);
      else byId.set(view.item.id, [view]);
    }
    return [...byId]
      .filter(([, views]) => views.length > 1)
      .map(([id, views]) => ({
        // Bounded: a generated spec can repeat one id thousands of times (AC-6: bounded report).
        message: `${id} is used ${views.length} times (lines ${views.slice(0, 10).map((v) => v.item.line).join(', ')}${views.length > 10 ? `, and ${views.length - 10} more` : ''}).`,
        places: views.slice(0, 20).map((v) => spec.itemPlace(v)),
        suggestion: 'Give each item its own number.',
      }));
  },
};
