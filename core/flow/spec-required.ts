import { z } from 'zod';

/**
 * The "spec required?" framework Product Ops keeps: a spec is worth writing for significant
 * architectural change or new infrastructure, several teams coordinating, security or
 * compliance implications, meaningful alternatives with different long-term trade-offs, or a
 * new third-party integration; rule of thumb: more than two engineers' input and a decision
 * lasting more than six months.
 */
export const SPEC_REQUIRED_QUESTIONS = [
  { id: 'architecture', flag: 'architecture', question: 'Does it change the architecture significantly or need new infrastructure?', reason: 'significant architectural change or new infrastructure' },
  { id: 'teams', flag: 'teams', question: 'Must several engineering teams coordinate (for example platform, data and product)?', reason: 'several teams must coordinate' },
  { id: 'security', flag: 'security', question: 'Does it have security or compliance implications?', reason: 'security or compliance implications' },
  { id: 'alternatives', flag: 'alternatives', question: 'Are there meaningful implementation approaches with different long-term trade-offs?', reason: 'meaningful alternatives with different long-term trade-offs' },
  { id: 'integration', flag: 'integration', question: 'Does it need a new third-party integration?', reason: 'a new third-party integration' },
] as const;

export type SpecRequiredQuestionId = (typeof SPEC_REQUIRED_QUESTIONS)[number]['id'];

export const specRequiredAnswersSchema = z.strictObject({
  architecture: z.boolean(),
  teams: z.boolean(),
  security: z.boolean(),
  alternatives: z.boolean(),
  integration: z.boolean(),
  /** How many engineers' input the decision needs. */
  engineers: z.number().int().min(0).max(1000),
  /** How long the decision is expected to last, in months. */
  lastsMonths: z.number().min(0).max(1200),
});
export type SpecRequiredAnswers = z.infer<typeof specRequiredAnswersSchema>;

export interface SpecRequiredResult {
  recommendation: 'spec' | 'no-spec';
  reasons: string[];
}

/** Recommends a spec when any criterion holds or the rule of thumb does; the reasons say which. */
export function recommendSpec(a: SpecRequiredAnswers): SpecRequiredResult {
  const reasons: string[] = SPEC_REQUIRED_QUESTIONS.filter((q) => a[q.id]).map((q) => q.reason);
  const thumb = a.engineers > 2 && a.lastsMonths > 6;
  if (thumb) reasons.push(`input from ${a.engineers} engineers (more than two) on a decision lasting ${a.lastsMonths} months (more than six)`);
  if (reasons.length) return { recommendation: 'spec', reasons };
  const why = [`none of the five criteria applies`];
  why.push(a.engineers > 2 ? `the decision lasts ${a.lastsMonths} months (six or fewer)` : `input from ${a.engineers} engineer${a.engineers === 1 ? '' : 's'} (two or fewer)`);
  return { recommendation: 'no-spec', reasons: [`${why.join(' and ')}: move directly to implementation`] };
}

/** A Library row's "spec required?" badge: the spec's latest recommendation, or null when never asked. */
export type SpecRequiredBadge = { recommended: boolean; reasons: string[] } | null;

/** Adds each row's badge from the latest recommendation per spec id (one lookup for the whole list). */
export function withSpecRequiredBadges<T extends { id: number }>(rows: T[], latest: ReadonlyMap<number, SpecRequiredResult>): (T & { specRequired: SpecRequiredBadge })[] {
  return rows.map((row) => {
    const found = latest.get(row.id);
    return { ...row, specRequired: found ? { recommended: found.recommendation === 'spec', reasons: found.reasons } : null };
  });
}
