import type { SpecTemplate } from './types.js';

/** The Product Ops tech-spec template used ahead of the 30-minute decision meeting. */
export const productOpsTemplate: SpecTemplate = {
  id: 'product-ops',
  format: 'product-ops',
  // Scored like the six-part spec, as before formats existed: criteria and coverage still count.
  promises: { criteria: true, coverage: true },
  name: 'Product Ops tech spec',
  description: 'Background, design, plan, alternatives, security, performance and rollout.',
  sections: [
    { key: 'background', title: 'Background & Motivation', aliases: ['background and motivation', 'motivation', 'background'], hint: 'The user problem and why this approach.' },
    { key: 'design', title: 'Proposed Design', aliases: ['design', 'technical design', 'solution'], hint: 'Components, data flow, API contracts, data model changes.' },
    { key: 'implementation', title: 'Implementation Plan', aliases: ['plan', 'milestones', 'implementation'], hint: 'Phases, milestones and dependencies.' },
    { key: 'alternatives', title: 'Alternatives Considered', aliases: ['alternatives', 'rejected alternatives', 'options considered'], hint: 'Each option weighed, and why it lost.' },
    { key: 'security', title: 'Security & Privacy', aliases: ['security and privacy', 'security', 'privacy'], hint: 'Data protection, access control, compliance.' },
    { key: 'performance', title: 'Performance Requirements', aliases: ['performance', 'performance targets', 'scalability'], hint: 'Latency, throughput and scale targets with numbers.' },
    { key: 'rollout', title: 'Rollout Plan', aliases: ['rollout', 'launch plan', 'release plan', 'deployment plan'], hint: 'Feature flags, data migration, monitoring.' },
  ],
};
