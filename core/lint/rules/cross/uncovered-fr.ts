import type { SpecRule } from '../rule.js';
import { frCoverage } from './coverage.js';

export const crossUncoveredFr: SpecRule = {
  id: 'cross/uncovered-fr',
  level: 'spec',
  severity: 'warning',
  english: false,
  title: 'Requirement without a criterion',
  explanation:
    'Every functional requirement needs at least one acceptance criterion that checks it, or nobody will notice when the implementation leaves it out. An AC covers an FR when it names its id ("covers FR-3"), or shares its endpoint, its error code or one of its numbers with a unit. Not reported when the spec has no criteria at all (cross/no-acceptance-criteria says so once).',
  check(spec) {
    if (spec.byKind.ac.length === 0) return [];
    return [...frCoverage(spec)]
      .filter(([, covered]) => !covered)
      .map(([fr]) => ({
        message: `No acceptance criterion covers ${fr.item.id}: none names it, its endpoint, error code or numbers.`,
        places: [spec.itemPlace(fr)],
        suggestion: `Add a criterion that checks ${fr.item.id}, or reference it explicitly ("… (${fr.item.id})").`,
      }));
  },
};
