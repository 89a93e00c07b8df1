import { z } from 'zod';
import { findingDraftSchema } from './finding.js';

/** Tool the model must call in review passes. */
export const FINDINGS_TOOL = 'report_findings';
/** Tool the model must call in draft passes. */
export const DRAFT_TOOL = 'propose_sections';
/** Tool the model must call in the Clarify pass. */
export const CLARIFY_TOOL = 'ask_clarifying_questions';

export const MAX_CLARIFY_QUESTIONS = 5;

export const findingsReplySchema = z.object({ findings: z.array(findingDraftSchema).max(100) }).strict();

export const draftProposalSchema = z
  .object({
    section: z.string().min(1).describe('Section key the text is for, e.g. "context".'),
    text: z.string().min(1).max(20000).describe('The complete proposed body of that section, in Markdown, without its heading.'),
    rationale: z.string().max(2000).optional().describe('One or two sentences on what changed and why.'),
  })
  .strict();
export type DraftProposal = z.infer<typeof draftProposalSchema>;

export const draftReplySchema = z
  .object({
    proposals: z.array(draftProposalSchema).max(12),
    openQuestions: z.array(z.string().min(1).max(1000)).max(20).describe('Questions the author must answer before the text can be final.'),
  })
  .strict();

export const clarifyQuestionDraftSchema = z
  .object({
    section: z.string().min(1).describe('Section key the decision belongs in.'),
    quote: z.string().max(2000).optional().describe('Verbatim passage the answer should extend, if any.'),
    question: z.string().min(1).max(1000),
    recommended: z.string().min(1).max(2000).describe('The recommended answer, written as a sentence that can go into the spec as is.'),
    why: z.string().max(1000).optional().describe('Why this answer is recommended.'),
    alternatives: z.array(z.string().min(1).max(2000)).min(1).max(4).describe('Other reasonable answers, each written as a spec sentence.'),
  })
  .strict();
export type ClarifyQuestionDraft = z.infer<typeof clarifyQuestionDraftSchema>;

export const clarifyReplySchema = z.object({ questions: z.array(clarifyQuestionDraftSchema).min(1).max(MAX_CLARIFY_QUESTIONS) }).strict();

/** A tool as the Messages API takes it. */
export interface ToolDefinition {
  name: string;
  description: string;
  input_schema: { type: 'object'; [key: string]: unknown };
}

function jsonSchemaOf(schema: z.ZodType): ToolDefinition['input_schema'] {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return { ...rest, type: 'object' };
}

let cached: ToolDefinition[] | null = null;

/**
 * Every tool, in a fixed order. Each request carries all of them, whatever the pass, so the
 * request prefix (tools, then system) is byte-identical across passes and stays cacheable.
 */
export function toolDefinitions(): ToolDefinition[] {
  cached ??= [
    {
      name: FINDINGS_TOOL,
      description: 'Report every problem found in the spec, each quoting the passage it is about. Call once with the complete list.',
      input_schema: jsonSchemaOf(findingsReplySchema),
    },
    {
      name: DRAFT_TOOL,
      description: 'Propose complete text for one or more spec sections, plus questions the author must still answer.',
      input_schema: jsonSchemaOf(draftReplySchema),
    },
    {
      name: CLARIFY_TOOL,
      description: `Ask at most ${MAX_CLARIFY_QUESTIONS} questions about decisions the spec leaves open, most important first, each with a recommended answer and alternatives.`,
      input_schema: jsonSchemaOf(clarifyReplySchema),
    },
  ];
  return cached;
}

/** The tool a pass of this kind must call, and the schema its input must satisfy. */
export function toolForKind(kind: 'review' | 'draft' | 'clarify'): { name: string; arrayKey: string; schema: z.ZodType } {
  switch (kind) {
    case 'review':
      return { name: FINDINGS_TOOL, arrayKey: 'findings', schema: findingsReplySchema };
    case 'draft':
      return { name: DRAFT_TOOL, arrayKey: 'proposals', schema: draftReplySchema };
    case 'clarify':
      return { name: CLARIFY_TOOL, arrayKey: 'questions', schema: clarifyReplySchema };
  }
}
