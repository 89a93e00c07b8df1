import type { SpecTemplate } from './types.js';

/** The six-section spec an AI coding agent can implement without guessing. */
export const agentReadyTemplate: SpecTemplate = {
  id: 'agent-ready',
  format: 'six-part',
  promises: { criteria: true, coverage: true },
  name: 'Agent-ready spec (six sections)',
  description: 'Context, problem, numbered requirements, edge cases and binary acceptance criteria.',
  sections: [
    {
      key: 'context',
      title: 'Context',
      aliases: ['background', 'existing system'],
      hint: 'What already exists that this feature must fit into: stack, models, auth, services it calls.',
    },
    {
      key: 'problem',
      title: 'Problem Statement',
      aliases: ['problem', 'the problem', 'user problem'],
      hint: 'One to three sentences, from the user\'s side: what hurts and why it matters.',
    },
    {
      key: 'functional',
      title: 'Functional Requirements',
      aliases: ['requirements', 'functional requirement', 'fr', 'frs'],
      itemKind: 'fr',
      hint: '- **FR-1:** The system must …',
    },
    {
      key: 'nonFunctional',
      title: 'Non-Functional Requirements',
      aliases: ['non functional requirements', 'nonfunctional requirements', 'nfr', 'nfrs', 'quality attributes', 'constraints'],
      itemKind: 'nfr',
      hint: '- **NFR-1 (Performance):** p99 latency of … under … ms.',
    },
    {
      key: 'edgeCases',
      title: 'Edge Cases and Error Handling',
      aliases: ['edge cases & error handling', 'edge cases', 'error handling', 'edge cases and errors', 'failure modes'],
      table: true,
      hint: '| Scenario | HTTP Status | Response Body | Side Effect |\n|---|---|---|---|\n|  |  |  |  |',
    },
    {
      key: 'acceptance',
      title: 'Acceptance Criteria',
      aliases: ['acceptance criterion', 'acceptance tests', 'definition of done', 'ac', 'acs'],
      itemKind: 'ac',
      hint: '### Happy Path\n- **AC-1:** Given …, when …, then the response is … with `{…}`.',
    },
  ],
};
