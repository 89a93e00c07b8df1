import type { SpecTemplate } from './types.js';

/**
 * AWS Kiro's `requirements.md`: numbered requirements, each a user story with an "Acceptance
 * Criteria" list written in EARS (`WHEN … THEN the system SHALL …`), numbered `1.`, `1.1.` or `a)`.
 */
export const kiroRequirementsTemplate: SpecTemplate = {
  id: 'kiro-requirements',
  format: 'kiro',
  name: 'Kiro requirements',
  description: 'Numbered requirements, each a user story with EARS acceptance criteria.',
  // Kiro has no edge-case table or success criteria: readiness does not ask for them.
  promises: { criteria: true, coverage: true },
  signals: [
    { depth: 3, pattern: /^Requirement\s+\d+\b/i, weight: 4 },
    { depth: 4, pattern: /^Acceptance Criteria$/i, weight: 2 },
    { depth: 2, pattern: /^Glossary$/i, weight: 1 },
  ],
  sections: [
    { key: 'introduction', title: 'Introduction', aliases: ['overview'], hint: 'What the feature is for and who uses it.' },
    {
      key: 'requirements',
      title: 'Requirements',
      aliases: [],
      itemKind: 'fr',
      hint: '### Requirement 1\n\n**User Story:** As a …, I want …, so that …\n\n#### Acceptance Criteria\n\n1. WHEN … THEN the system SHALL …',
    },
  ],
};

/** Kiro's `design.md`: the technical design that follows the requirements. */
export const kiroDesignTemplate: SpecTemplate = {
  id: 'kiro-design',
  format: 'kiro-design',
  name: 'Kiro design',
  description: 'Overview, architecture, components and interfaces, data models, error handling, testing strategy.',
  promises: { criteria: false, coverage: false },
  signals: [
    { depth: 2, pattern: /^Components and Interfaces$/i, weight: 2 },
    { depth: 2, pattern: /^Testing Strategy$/i, weight: 1 },
    { depth: 2, pattern: /^Correctness Properties$/i, weight: 2 },
  ],
  sections: [
    { key: 'overview', title: 'Overview', aliases: [], hint: 'What is built and the main decisions.' },
    { key: 'architecture', title: 'Architecture', aliases: [], hint: 'Components and how they talk.' },
    { key: 'components', title: 'Components and Interfaces', aliases: ['components'], hint: 'Each component and its interface.' },
    { key: 'dataModels', title: 'Data Models', aliases: ['data model'], hint: 'Entities, fields and constraints.' },
    { key: 'errorHandling', title: 'Error Handling', aliases: [], hint: 'Failures and what the system does.' },
    { key: 'testing', title: 'Testing Strategy', aliases: ['testing'], hint: 'How each requirement is tested.' },
  ],
};
