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
    for (const view of spec.items) byId.set(view.item.id, [...(byId.get(view.item.id) ?? []), view]);
    return [...byId]
      .filter(([, views]) => views.length > 1)
      .map(([id, views]) => ({
        message: `${id} is used ${views.length} times (lines ${views.map((v) => v.item.line).join(', ')}).`,
        places: views.map((v) => spec.itemPlace(v)),
        suggestion: 'Give each item its own number.',
      }));
  },
};
