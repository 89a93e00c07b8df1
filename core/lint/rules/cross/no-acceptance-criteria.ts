import { getTemplate } from '../../../templates/index.js';
import type { Place } from '../../types.js';
import type { SpecRule } from '../rule.js';

export const crossNoAcceptanceCriteria: SpecRule = {
  id: 'cross/no-acceptance-criteria',
  level: 'spec',
  severity: 'error',
  english: false,
  title: 'No acceptance criteria',
  explanation:
    'Without acceptance criteria nobody — reviewer, tester or agent — can say when the feature is done, and the readiness score gets 0 for its largest part. Add an "Acceptance Criteria" section with numbered, binary criteria (AC-1, AC-2, …). For templates that have no such section (Product Ops) this is a warning.',
  check(spec) {
    // A format that holds no criteria (Kiro design.md) is not asked for them.
    if (spec.byKind.ac.length > 0 || !getTemplate(spec.doc.template).promises.criteria) return [];
    const index = spec.sectionIndex.get('acceptance');
    const place: Place = index !== undefined ? spec.sectionPlace(index) : { kind: 'section', key: 'acceptance', heading: null, line: 1, column: 1 };
    const expected = getTemplate(spec.doc.template).sections.some((s) => s.key === 'acceptance');
    return [
      {
        message: index !== undefined ? 'The Acceptance Criteria section has no numbered criteria.' : 'This spec has no Acceptance Criteria section.',
        places: [place],
        suggestion: 'Add "## Acceptance Criteria" with "- **AC-1:** Given …, when …, then …".',
        ...(expected ? {} : { severity: 'warning' as const }),
      },
    ];
  },
};
