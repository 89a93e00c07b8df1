import { getTemplate } from '../../../templates/index.js';
import type { SpecRule } from '../rule.js';

export const crossMixedFormat: SpecRule = {
  id: 'cross/mixed-format',
  level: 'spec',
  severity: 'info',
  english: false,
  title: 'Mixed formats',
  explanation:
    'The document is written in one format (six-part, spec-kit, Kiro, OpenSpec) but also holds items in the shape of another, such as Kiro "Requirement N" criteria under a six-part Acceptance Criteria section. Every item is still found and linted; this note only says so once, because tools built for one format (spec-kit analyze, Kiro, OpenSpec validate) will not see the others.',
  check(spec) {
    const others = spec.doc.mixedFormats;
    if (others.length === 0) return [];
    const own = getTemplate(spec.doc.template).format;
    const names = others.map((t) => getTemplate(t).format);
    const first = spec.items.find((v) => v.item.derived) ?? spec.items[0];
    return [
      {
        message: `This ${own} document also holds items written as ${names.join(' and ')}; they are read and linted too.`,
        places: first ? [spec.itemPlace(first)] : [spec.sectionPlace(0)],
        suggestion: `Keep one format per file, or convert it: specbench convert <file> --to ${own}.`,
      },
    ];
  },
};
