import { z } from 'zod';
import { costEstimateSchema, passUsageSchema } from '../../review/cost.js';
import { findingSchema, findingStateSchema } from '../../review/finding.js';
import { passInputSchema, passKindSchema } from '../../review/prompt-file.js';
import { clarifyQuestionDraftSchema, draftProposalSchema } from '../../review/tool-schema.js';
import { defineEvent, defineOperation } from '../define.js';

const specMarkdownArg = z.string().max(5 * 1024 * 1024 * 2, 'the spec is larger than 5 MB');
const sha256Arg = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lower-case hex characters)');

export const passInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  step: z.number().int(),
  kind: passKindSchema,
  inputs: z.array(passInputSchema),
  sections: z.array(z.string()),
  description: z.string().optional(),
  file: z.string(),
  origin: z.enum(['builtin', 'user']),
});
export type PassInfo = z.infer<typeof passInfoSchema>;

/** Where a finding sits in the text it was reviewed against (see `anchorFinding` in core/review). */
export const findingAnchorSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('anchored'),
    kind: z.enum(['exact', 'normalized', 'fuzzy']),
    score: z.number(),
    sectionIndex: z.number().int(),
    bodyStart: z.number().int(),
    bodyEnd: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    startLine: z.number().int(),
    startColumn: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int(),
  }),
  z.object({
    status: z.literal('unanchored'),
    reason: z.enum(['no-section', 'empty-quote', 'not-found']),
    sectionIndex: z.number().int().nullable(),
    score: z.number(),
  }),
]);

export const passStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type PassStatus = z.infer<typeof passStatusSchema>;

export const passErrorSchema = z.object({
  code: z.enum(['KEY_REJECTED', 'RATE_LIMITED', 'OVERLOADED', 'SERVER_ERROR', 'TIMEOUT', 'NETWORK', 'CANCELLED', 'STREAM_CUT', 'INVALID_REPLY', 'API_ERROR']),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
  status: z.number().int().optional(),
});

export const labelledFindingSchema = z.object({
  finding: findingSchema,
  /** Relative to the previous version's run of the same pass on the same spec. */
  label: z.enum(['new', 'persisting']),
  anchor: findingAnchorSchema,
});

export const clarifyQuestionSchema = clarifyQuestionDraftSchema.extend({ id: z.string(), offline: z.boolean().optional() });

/** Everything known about one pass of a run; also the payload core of `review.done`. */
export const passSnapshotSchema = z.object({
  passId: z.string(),
  title: z.string(),
  kind: passKindSchema,
  status: passStatusSchema,
  findings: z.array(labelledFindingSchema),
  /** Findings of the previous version's run that this run no longer reports. */
  resolved: z.array(findingSchema),
  proposals: z.array(draftProposalSchema),
  openQuestions: z.array(z.string()),
  questions: z.array(clarifyQuestionSchema),
  usage: passUsageSchema,
  cost: costEstimateSchema,
  model: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  /** Served from the result cache (same text, pass, model and prompt): no request was made. */
  cached: z.boolean(),
  offline: z.boolean(),
  error: passErrorSchema.nullable(),
  /** The raw tool input when the reply was invalid or cut, for inspection. Untrusted text. */
  rawReply: z.string().nullable(),
});
export type PassSnapshot = z.infer<typeof passSnapshotSchema>;

export const runSnapshotSchema = z.object({
  runId: z.string(),
  mode: z.enum(['online', 'offline']),
  status: z.enum(['running', 'done']),
  startedAt: z.string(),
  passes: z.array(passSnapshotSchema),
  /** Findings of every pass with duplicates (same quote, same problem) merged. */
  merged: z.array(findingSchema),
  usage: passUsageSchema,
  cost: costEstimateSchema,
});
export type RunSnapshot = z.infer<typeof runSnapshotSchema>;

export const keySourceSchema = z.enum(['vault', 'env', 'none']);

/** Settings as the UI sees them: never the key, only whether one is configured and where from. */
export const reviewSettingsViewSchema = z.object({
  model: z.string(),
  baseURL: z.string().nullable(),
  maxTokens: z.number().int(),
  concurrency: z.number().int(),
  timeoutMs: z.number().int(),
  maxRetries: z.number().int(),
  keyConfigured: z.boolean(),
  keySource: keySourceSchema,
  /** The key can be entered in Settings (desktop app); otherwise only ANTHROPIC_API_KEY counts. */
  canStoreKey: z.boolean(),
  defaultModel: z.string(),
  suggestedModels: z.array(z.string()),
  /** Date of the price table behind cost estimates. */
  pricesTaken: z.string(),
});
export type ReviewSettingsView = z.infer<typeof reviewSettingsViewSchema>;

/**
 * Text stored and then looked up by value: a lone UTF-16 surrogate cannot be encoded as UTF-8,
 * so SQLite would store U+FFFD and the lookup would miss (found by the fuzz suite).
 */
const storableText = z.string().regex(/^[^\p{Cs}]*$/u, 'must be valid Unicode text (no lone surrogate)');

export const briefTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('endpoint'), method: z.string().min(1).max(10), path: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('item'), id: z.string().regex(/^FR-\d+$/, 'must be a functional requirement id such as FR-3') }),
]);

export const findingStateRecordSchema = z.object({
  findingId: z.string(),
  state: findingStateSchema,
  note: z.string().nullable(),
  updatedAt: z.string(),
});

const findingStateKey = {
  /** The spec's id in the library. */
  specId: z.number().int().positive(),
  /** SHA-256 of the version's UTF-8 content: states are kept per version. */
  contentHash: sha256Arg,
};

export const reviewOperations = {
  'review.passes': defineOperation({
    doc: 'Lists the AI passes from the prompt files (built-in and the user\'s), and every file that could not be used with its error.',
    args: z.object({}).strict(),
    result: z.object({
      passes: z.array(passInfoSchema),
      errors: z.array(z.object({ file: z.string(), origin: z.enum(['builtin', 'user']), error: z.string() })),
      userPromptsDir: z.string(),
    }),
  }),
  'review.run': defineOperation({
    doc: 'Starts one pass (passId) or every review pass (all) on the given text; progress, findings and results arrive as review.* events. Without a key (or with offline) the offline reviewer runs.',
    args: z
      .object({
        passId: z.string().min(1).max(64).optional(),
        all: z.literal(true).optional(),
        specMarkdown: specMarkdownArg,
        /** Library id: findings are labelled new/persisting against this spec's previous version. */
        specId: z.number().int().positive().optional(),
        /** Defaults to the SHA-256 of specMarkdown. */
        versionHash: sha256Arg.optional(),
        /** Pasted source code, for passes that take it (step 1). */
        code: z.string().max(2 * 1024 * 1024).optional(),
        offline: z.boolean().optional(),
      })
      .strict()
      .refine((a) => (a.passId === undefined) !== (a.all === undefined), { message: 'give exactly one of passId or all' }),
    result: z.object({
      runId: z.string(),
      mode: z.enum(['online', 'offline']),
      passIds: z.array(z.string()),
      /** Why the run is offline, for the banner ("No API key: …"); null online. */
      notice: z.string().nullable(),
    }),
  }),
  'review.cancel': defineOperation({
    doc: 'Cancels a run: open requests are aborted, queued passes never start; findings already received stay.',
    args: z.object({ runId: z.string().min(1) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  }),
  'review.status': defineOperation({
    doc: 'The current state of a run: every pass with its findings, usage, cost, duration and error.',
    args: z.object({ runId: z.string().min(1) }).strict(),
    result: runSnapshotSchema,
  }),
  'review.findingState.list': defineOperation({
    doc: 'The open/applied/dismissed states recorded for one spec version.',
    args: z.object(findingStateKey).strict(),
    result: z.object({ states: z.array(findingStateRecordSchema) }),
  }),
  'review.findingState.set': defineOperation({
    doc: 'Records what the author did with a finding on one spec version (applied, dismissed, or open again).',
    args: z.object({ ...findingStateKey, findingId: storableText.min(1).max(200), state: findingStateSchema, note: storableText.max(2000).optional() }).strict(),
    result: findingStateRecordSchema,
  }),
  'review.settings.get': defineOperation({
    doc: 'Review settings: model, base URL, max tokens, concurrency; whether a key is configured and from where. Never the key.',
    args: z.object({}).strict(),
    result: reviewSettingsViewSchema,
  }),
  'review.settings.set': defineOperation({
    doc: 'Changes review settings. apiKey stores the key in the vault (desktop app only) and null clears it; the result never contains it.',
    args: z
      .object({
        model: z.string().min(1).max(200).optional(),
        baseURL: z.string().url().max(2000).nullable().optional(),
        maxTokens: z.number().int().min(256).max(64000).optional(),
        concurrency: z.number().int().min(1).max(8).optional(),
        timeoutMs: z.number().int().min(1000).max(30 * 60 * 1000).optional(),
        maxRetries: z.number().int().min(0).max(5).optional(),
        apiKey: z.string().trim().min(1).max(500).nullable().optional(),
      })
      .strict(),
    result: reviewSettingsViewSchema,
  }),
  'review.briefTargets': defineOperation({
    doc: 'Endpoints and functional requirements a brief can be built for.',
    args: z.object({ specMarkdown: specMarkdownArg }).strict(),
    result: z.object({ targets: z.array(briefTargetSchema) }),
  }),
  'review.brief': defineOperation({
    doc: 'Builds the hand-off brief for one endpoint or FR (spec excerpt, relevant ACs, conventions file); no key needed.',
    args: z.object({ specMarkdown: specMarkdownArg, target: briefTargetSchema, conventionsFile: z.string().min(1).max(200).optional() }).strict(),
    result: z.object({ title: z.string(), text: z.string(), items: z.array(z.string()), edgeCases: z.array(z.string()), target: briefTargetSchema }),
  }),
  'review.clarify': defineOperation({
    doc: 'Clarify: at most five questions about open decisions, each with a recommended answer and alternatives (from the model, or offline without a key).',
    args: z.object({ specMarkdown: specMarkdownArg, offline: z.boolean().optional() }).strict(),
    result: z.object({
      mode: z.enum(['online', 'offline']),
      questions: z.array(clarifyQuestionSchema).max(5),
      usage: passUsageSchema,
      cost: costEstimateSchema,
      error: passErrorSchema.nullable(),
    }),
  }),
  'review.clarify.apply': defineOperation({
    doc: 'Writes a chosen Clarify answer into the section it concerns and under "Clarifications"; returns the new Markdown.',
    args: z
      .object({
        specMarkdown: specMarkdownArg,
        section: z.string().min(1).max(200),
        quote: z.string().max(2000).optional(),
        question: z.string().min(1).max(1000),
        answer: z.string().trim().min(1).max(2000),
      })
      .strict(),
    result: z.object({ markdown: z.string(), writtenInto: z.enum(['quote', 'section', 'new-section', 'clarifications-only']) }),
  }),
};

export const reviewEvents = {
  'review.progress': defineEvent({
    doc: 'A pass changed phase or received more output: drives the progress indicator and elapsed time.',
    payload: z.object({
      runId: z.string(),
      passId: z.string(),
      phase: z.enum(['queued', 'connecting', 'streaming', 'validating', 'retrying']),
      attempt: z.number().int(),
      findings: z.number().int(),
      outputTokens: z.number().int(),
      elapsedMs: z.number(),
    }),
  }),
  'review.finding': defineEvent({
    doc: 'One finding, sent the moment it is complete in the stream, anchored against the text the run was started with.',
    payload: labelledFindingSchema.extend({ runId: z.string(), passId: z.string() }),
  }),
  'review.done': defineEvent({
    doc: 'A pass ended: succeeded, failed (with reason; raw reply kept if invalid) or cancelled; usage, duration and cost.',
    payload: passSnapshotSchema.extend({ runId: z.string() }),
  }),
  'review.runDone': defineEvent({
    doc: 'Every pass of a run ended: merged findings and the run\'s total usage and cost.',
    payload: runSnapshotSchema,
  }),
};
