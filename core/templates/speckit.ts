import type { SpecTemplate } from './types.js';

/**
 * GitHub spec-kit's `spec.md`: user stories with numbered Given/When/Then acceptance scenarios,
 * FR-nnn requirements and SC-nnn success criteria under `*(mandatory)*` headings; the older
 * layout has one "Primary User Story" with "Acceptance Scenarios" and a review checklist.
 */
export const speckitTemplate: SpecTemplate = {
  id: 'speckit',
  format: 'speckit',
  name: 'spec-kit feature spec',
  description: 'User stories with acceptance scenarios, FR-nnn requirements and SC-nnn success criteria.',
  promises: { criteria: true, coverage: true },
  signals: [
    { depth: 1, pattern: /^Feature Specification\b/i, weight: 3 },
    { depth: 2, pattern: /\(mandatory\)/i, weight: 2 },
    { depth: 3, pattern: /^User Story \d+\b/i, weight: 3 },
    { depth: 3, pattern: /^Primary User Story\b/i, weight: 3 },
    { depth: 3, pattern: /^Acceptance Scenarios\b/i, weight: 1 },
    { depth: 3, pattern: /^Measurable Outcomes\b/i, weight: 1 },
    { depth: 3, pattern: /^Key Entities\b/i, weight: 1 },
  ],
  sections: [
    {
      key: 'scenarios',
      title: 'User Scenarios & Testing',
      aliases: ['user scenarios and testing', 'user scenarios', 'user stories'],
      itemKind: 'ac',
      hint: '### User Story 1 - … (Priority: P1)\n\n**Acceptance Scenarios**:\n\n1. **Given** …, **When** …, **Then** …',
    },
    {
      key: 'requirements',
      title: 'Requirements',
      aliases: ['functional requirements'],
      itemKind: 'fr',
      hint: '### Functional Requirements\n\n- **FR-001**: System MUST …',
    },
    {
      key: 'successCriteria',
      title: 'Success Criteria',
      aliases: ['measurable outcomes'],
      itemKind: 'ac',
      hint: '### Measurable Outcomes\n\n- **SC-001**: …',
    },
  ],
};
