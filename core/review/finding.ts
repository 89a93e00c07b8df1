import { z } from 'zod';

export const severitySchema = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof severitySchema>;

/** The pass id offline findings carry (FR-9). */
export const OFFLINE_PASS = 'offline';

/** Severity order for sorting and for keeping the worse one when duplicates merge. */
export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/**
 * What the model writes for one finding (and what the offline reviewer builds). The id is
 * ours, not the model's: it is derived from the content so duplicates and re-runs match.
 */
export const findingDraftSchema = z
  .object({
    section: z.string().min(1).max(200).describe('Section key the finding is about, e.g. "functional" or "edgeCases".'),
    quote: z
      .string()
      .max(2000)
      .describe('Verbatim passage from that section. Empty only when the section lacks something entirely.'),
    problem: z.string().min(1).max(2000).describe('What is ambiguous, missing or wrong.'),
    whyAnAgentWouldGuess: z.string().min(1).max(2000).describe('Why a coding agent reading this would guess, and what it would likely get wrong.'),
    suggestion: z.string().min(1).max(2000).describe('The clarification or addition, in words.'),
    severity: severitySchema,
    proposedText: z
      .string()
      .max(8000)
      .optional()
      .describe('Replacement text for exactly the quoted passage (or text to add when the quote is empty).'),
  })
  .strict();
export type FindingDraft = z.infer<typeof findingDraftSchema>;

/** A finding as the app holds it: the model's fields plus id, origin and the offline mark. */
export const findingSchema = findingDraftSchema.extend({
  id: z.string().min(1),
  /** Pass id that produced it; `offline` for the offline reviewer. */
  pass: z.string().min(1),
  /** Other passes that reported the same quote and problem (set when duplicates merge). */
  alsoFrom: z.array(z.string()).optional(),
  /** Built without the model (FR-9). */
  offline: z.boolean().optional(),
  /** What produced an offline finding: a catalogue entry or a lint rule id. */
  rule: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** Open, applied or dismissed: what the author did with a finding. */
export const findingStateSchema = z.enum(['open', 'applied', 'dismissed']);
export type FindingState = z.infer<typeof findingStateSchema>;

/** New, persisting or resolved relative to the previous version's run of the same pass. */
export const versionLabelSchema = z.enum(['new', 'persisting', 'resolved']);
export type VersionLabel = z.infer<typeof versionLabelSchema>;
