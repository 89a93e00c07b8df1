import type { SpecTemplate } from './types.js';

/**
 * OpenSpec's `openspec/specs/<capability>/spec.md`: "### Requirement: <name>" statements, each
 * with "#### Scenario: <name>" blocks of `- **WHEN** …` / `- **THEN** …` steps.
 */
export const openspecTemplate: SpecTemplate = {
  id: 'openspec',
  format: 'openspec',
  name: 'OpenSpec capability spec',
  description: 'Requirements with SHALL statements and WHEN/THEN scenarios.',
  promises: { criteria: true, coverage: true },
  signals: [
    { depth: 3, pattern: /^Requirement:\s*\S/i, weight: 4 },
    { depth: 4, pattern: /^Scenario:\s*\S/i, weight: 3 },
  ],
  sections: [
    { key: 'purpose', title: 'Purpose', aliases: [], hint: 'What this capability is for.' },
    {
      key: 'requirements',
      title: 'Requirements',
      aliases: [],
      itemKind: 'fr',
      hint: '### Requirement: …\nThe system SHALL …\n\n#### Scenario: …\n- **WHEN** …\n- **THEN** …',
    },
  ],
};

/** An OpenSpec change delta (`openspec/changes/<id>/specs/<capability>/spec.md`). */
export const openspecDeltaTemplate: SpecTemplate = {
  id: 'openspec-delta',
  format: 'openspec-delta',
  name: 'OpenSpec change delta',
  description: 'Requirements added, modified, removed or renamed by a change.',
  promises: { criteria: true, coverage: true },
  signals: [{ depth: 2, pattern: /^(?:ADDED|MODIFIED|REMOVED|RENAMED) Requirements$/, weight: 5 }],
  sections: [
    { key: 'added', title: 'ADDED Requirements', aliases: [], itemKind: 'fr', hint: '### Requirement: …' },
    { key: 'modified', title: 'MODIFIED Requirements', aliases: [], itemKind: 'fr', hint: '### Requirement: …' },
    { key: 'removed', title: 'REMOVED Requirements', aliases: [], itemKind: 'fr', hint: '### Requirement: …\n**Reason**: …' },
    { key: 'renamed', title: 'RENAMED Requirements', aliases: [], hint: '- FROM: `### Requirement: …`\n- TO: `### Requirement: …`' },
  ],
};
