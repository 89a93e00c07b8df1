import { z } from 'zod';
import { defineEvent, defineOperation } from '../define.js';

// Issue 12 FR-7: the Validate panel's operation. The shapes mirror core/validate/results.ts
// (ValidationRun) and host/validate's MutationReport, which the host returns as they are.

const criterionStatusSchema = z.enum(['passed', 'failed', 'undefined', 'ambiguous', 'error', 'skipped']);
export type CriterionStatusView = z.infer<typeof criterionStatusSchema>;

const exchangeSchema = z.object({
  method: z.string(),
  url: z.string(),
  requestBody: z.string().optional(),
  requestHeaders: z.record(z.string(), z.string()),
  status: z.number().int(),
  responseHeaders: z.record(z.string(), z.string()),
  responseBody: z.string(),
  ms: z.number(),
  /** A shell command that sends the same request again (FR-3). */
  curl: z.string(),
});

export const criterionResultSchema = z.object({
  id: z.string(),
  status: criterionStatusSchema,
  message: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  undefinedSteps: z.array(z.object({ text: z.string(), nearest: z.array(z.object({ definition: z.string(), expression: z.string() })) })).optional(),
  ambiguous: z.array(z.object({ text: z.string(), definitions: z.array(z.string()) })).optional(),
  lint: z.array(z.object({ rule: z.string(), message: z.string() })).optional(),
  exchanges: z.array(exchangeSchema),
  /** The compiled plan, readable like a Hurl file. */
  plan: z.string(),
  ms: z.number(),
  notes: z.array(z.string()).optional(),
});
export type CriterionResultView = z.infer<typeof criterionResultSchema>;

const validationRunSchema = z.object({
  file: z.string(),
  target: z.string(),
  defect: z.string().optional(),
  results: z.array(criterionResultSchema),
  summary: z.record(z.string(), z.number()),
});

const mutationSchema = z.object({
  matrix: z.array(z.object({ defect: z.string(), killed: z.boolean(), statuses: z.record(z.string(), z.string()), killedBy: z.array(z.string()) })),
  score: z.object({ killed: z.number().int(), total: z.number().int() }),
  surviving: z.array(z.object({ defect: z.string(), description: z.string(), gap: z.string(), suggestion: z.string() })),
});
export type MutationView = z.infer<typeof mutationSchema>;

export const validateResultSchema = z.object({
  runId: z.string(),
  run: validationRunSchema,
  /** Only for `defects: 'all'`: the defect × criterion matrix, the score and a suggestion per survivor (FR-6). */
  mutation: mutationSchema.nullable(),
  /** The library version the run was stored against, or why it was not. */
  stored: z.union([z.object({ version: z.number().int() }), z.object({ skipped: z.string() })]),
});
export type ValidateResult = z.infer<typeof validateResultSchema>;

export const validationRunSummarySchema = z.object({
  contentHash: z.string(),
  passed: z.number().int(),
  total: z.number().int(),
  mutation: z.object({ killed: z.number().int(), total: z.number().int() }).nullable(),
  createdAt: z.string(),
});
export type ValidationRunSummary = z.infer<typeof validationRunSummarySchema>;

export const validateOperations = {
  'validate.run': defineOperation({
    doc: 'Runs the spec\'s acceptance criteria against the embedded server (and, with defects "all", against every defect), streaming validate.progress; stores the run with the library version of the text.',
    args: z
      .object({
        runId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'runId is 1-64 letters, digits or dashes').optional(),
        specMarkdown: z.string().min(1, 'the spec is empty').max(5 * 1024 * 1024, 'the spec is larger than 5 MB'),
        /** Where the text lives on disk: the .specbench.json next to it supplies team phrases. */
        path: z.string().min(1).nullable().default(null),
        /** The library spec to store the result with (the version whose content is this text). */
        specId: z.number().int().positive().nullable().default(null),
        acIds: z.array(z.string().regex(/^AC-\d+$/, 'criterion ids look like AC-3')).max(200).optional(),
        defects: z.enum(['none', 'all']).default('none'),
      })
      .strict(),
    result: validateResultSchema,
  }),
  'validate.runs': defineOperation({
    doc: 'The newest stored validation run of each version of a library spec, by content hash (History shows them).',
    args: z.object({ specId: z.number().int().positive() }).strict(),
    result: z.object({ runs: z.array(validationRunSummarySchema) }),
  }),
};

export const validateEvents = {
  'validate.progress': defineEvent({
    doc: 'One criterion of a validation run finished on one server variant.',
    payload: z.object({
      runId: z.string(),
      variant: z.string(),
      done: z.number().int(),
      total: z.number().int(),
      result: z.object({ id: z.string(), status: criterionStatusSchema }),
    }),
  }),
};
