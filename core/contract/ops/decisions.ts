import { z } from 'zod';
import { SPEC_STAGES } from '../../flow/lifecycle.js';
import { specRequiredAnswersSchema } from '../../flow/spec-required.js';
import { defineOperation } from '../define.js';

const id = z.number().int().positive();
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date or time');
const name = z.string().trim().min(1).max(200);
const people = z.array(name).max(50);

export const adrSummarySchema = z.object({
  id: z.number().int(),
  logId: z.number().int(),
  logName: z.string(),
  number: z.number().int().nullable(),
  fileName: z.string(),
  title: z.string(),
  status: z.string(),
  date: z.string().nullable(),
  specId: z.number().int().nullable(),
  specVersion: z.number().int().nullable(),
  requirementIds: z.array(z.string()),
  meetingId: z.number().int().nullable(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type AdrSummary = z.infer<typeof adrSummarySchema>;

export const adrDetailSchema = adrSummarySchema.extend({
  text: z.string(),
  revisions: z.array(z.object({ status: z.string(), actor: z.string(), at: z.string(), text: z.string() })),
  statusChanges: z.array(z.object({ from: z.string().nullable(), to: z.string(), actor: z.string(), at: z.string() })),
});
export type AdrDetail = z.infer<typeof adrDetailSchema>;

export const AGENDA_SOURCES = ['thread', 'verdict', 'finding', 'criterion', 'manual', 'carried'] as const;

export const agendaItemSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  position: z.number().int(),
  sourceKind: z.string(),
  sourceRef: z.string(),
  title: z.string(),
  detail: z.string(),
  requirementIds: z.array(z.string()),
  minutes: z.number().int(),
  state: z.enum(['open', 'decided', 'deferred']),
  carriedFrom: z.number().int().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const alternativeSchema = z.strictObject({ option: z.string().trim().min(1).max(500), whyRejected: z.string().trim().max(2000).default('') });

export const decisionSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  agendaItemId: z.number().int(),
  outcome: z.enum(['accepted', 'rejected', 'deferred']),
  rationale: z.string(),
  alternatives: z.array(z.object({ option: z.string(), whyRejected: z.string() })),
  people: z.array(z.string()),
  adrId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const meetingSchema = z.object({
  id: z.number().int(),
  specId: z.number().int().nullable(),
  specVersion: z.number().int().nullable(),
  round: z.number().int(),
  title: z.string(),
  scheduledAt: z.string().nullable(),
  durationMinutes: z.number().int(),
  people: z.array(z.string()),
  state: z.enum(['open', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  items: z.array(agendaItemSchema),
  decisions: z.array(decisionSchema),
  /** Providers that could not contribute (say, review threads not available yet), with the reason. */
  providerNotes: z.array(z.string()),
});
export type Meeting = z.infer<typeof meetingSchema>;

const specFlowSchema = z.object({
  specId: z.number().int(),
  title: z.string(),
  stage: z.enum(SPEC_STAGES),
  approvedAt: z.string().nullable(),
  implementationStartAt: z.string().nullable(),
  implementationSource: z.enum(['manual', 'detected']).nullable(),
  daysToStart: z.number().nullable(),
  soFar: z.boolean(),
  flagged: z.boolean(),
  daysInReview: z.number().nullable(),
});

export const flowMetricsSchema = z.object({
  generatedAt: z.string(),
  since: z.string().nullable(),
  flagAfterDays: z.number(),
  specs: z.array(specFlowSchema),
  months: z.array(z.object({ month: z.string(), count: z.number().int(), medianDays: z.number().nullable(), p90Days: z.number().nullable(), flagged: z.number().int() })),
  reviewers: z.array(z.object({ reviewer: z.string(), requests: z.number().int(), answered: z.number().int(), medianDays: z.number().nullable() })),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  flaggedCount: z.number().int(),
});

export const transitionSchema = z.object({
  specId: z.number().int(),
  state: z.enum(SPEC_STAGES),
  at: z.string(),
  actor: z.string(),
  source: z.enum(['manual', 'detected']),
  detail: z.string().nullable(),
});

export const specRequiredResultSchema = z.object({
  specId: z.number().int().nullable(),
  answers: specRequiredAnswersSchema,
  recommendation: z.enum(['spec', 'no-spec']),
  reasons: z.array(z.string()),
  actor: z.string(),
  at: z.string(),
});

export const decisionOperations = {
  'adr.list': defineOperation({
    doc: 'ADRs of every log (or of one log), by log and number; deleted ones only when asked.',
    args: z.strictObject({ logName: name.optional(), includeDeleted: z.boolean().optional() }),
    result: z.array(adrSummarySchema),
  }),
  'adr.get': defineOperation({
    doc: 'One ADR with its text, every earlier text and its status changes (its History).',
    args: z.strictObject({ id }),
    result: adrDetailSchema,
  }),
  'adr.save': defineOperation({
    doc: 'Saves an edited ADR text; the old text stays as a revision and a status change is recorded. Supersede links are made two-way.',
    args: z.strictObject({ id, text: z.string().min(1).max(500_000), actor: name.optional() }),
    result: adrDetailSchema,
  }),
  'adr.delete': defineOperation({
    doc: 'Deletes an ADR explicitly; `adr.undoDelete` brings it back.',
    args: z.strictObject({ id }),
    result: adrSummarySchema,
  }),
  'adr.undoDelete': defineOperation({
    doc: 'Undoes an ADR deletion.',
    args: z.strictObject({ id }),
    result: adrSummarySchema,
  }),
  'meeting.open': defineOperation({
    doc: 'Starts a decision meeting for a spec with an agenda built from what is open (threads, verdicts, high findings, failing criteria, items carried over) plus manual items.',
    args: z.strictObject({
      specId: id.optional(),
      title: name.optional(),
      scheduledAt: isoTime.optional(),
      durationMinutes: z.number().int().min(5).max(480).optional(),
      manualItems: z.array(z.strictObject({ title: name, detail: z.string().max(4000).optional() })).max(50).optional(),
    }),
    result: meetingSchema,
  }),
  'meeting.get': defineOperation({ doc: 'A meeting with its agenda and decisions.', args: z.strictObject({ id }), result: meetingSchema }),
  'meeting.list': defineOperation({
    doc: 'Meetings, newest first, without agendas.',
    args: z.strictObject({}),
    result: z.array(meetingSchema.omit({ items: true, decisions: true, providerNotes: true })),
  }),
  'meeting.addItem': defineOperation({
    doc: 'Adds an item by hand to an open meeting.',
    args: z.strictObject({ meetingId: id, title: name, detail: z.string().max(4000).optional(), minutes: z.number().int().min(0).max(120).optional() }),
    result: meetingSchema,
  }),
  'meeting.decide': defineOperation({
    doc: 'Records the outcome of one agenda item with rationale, alternatives and people; recording again keeps the earlier decision as replaced. A review thread\'s item can resolve its thread or apply its suggestion.',
    args: z.strictObject({
      itemId: id,
      outcome: z.enum(['accepted', 'rejected', 'deferred']),
      rationale: z.string().trim().min(1, 'a decision needs its rationale').max(8000),
      alternatives: z.array(alternativeSchema).max(20).optional(),
      people: people.optional(),
      /** For a review thread's item: resolve the thread (accepted or rejected decisions). */
      resolveThread: z.boolean().optional(),
      /** For a suggestion thread's item decided accepted: apply the suggestion as a new version (resolves the thread). */
      applySuggestion: z.boolean().optional(),
    }),
    result: meetingSchema,
  }),
  'meeting.close': defineOperation({
    doc: 'Closes a meeting: accepted and rejected decisions become ADRs with that status, undecided items are deferred to the next round.',
    args: z.strictObject({ id, people: people.optional(), logName: name.optional() }),
    result: z.object({ meeting: meetingSchema, adrs: z.array(adrSummarySchema) }),
  }),
  'meeting.agendaMarkdown': defineOperation({
    doc: 'The agenda as Markdown for the meeting invite.',
    args: z.strictObject({ id }),
    result: z.object({ markdown: z.string() }),
  }),
  'metrics.flow': defineOperation({
    doc: 'Spec-to-implementation-start per spec, monthly median and p90, specs over 7 days flagged, time in review, reviewer latency.',
    args: z.strictObject({ since: isoTime.optional() }),
    result: flowMetricsSchema,
  }),
  'metrics.csv': defineOperation({
    doc: 'The per-spec flow table as CSV (the dashboard export).',
    args: z.strictObject({ since: isoTime.optional() }),
    result: z.object({ csv: z.string(), fileName: z.string() }),
  }),
  'lifecycle.set': defineOperation({
    doc: "Moves a spec to a lifecycle stage (draft, in-review, approved, implementation-started, done) at a time, by someone; returns the spec's transitions.",
    args: z.strictObject({ specId: id, state: z.enum(SPEC_STAGES), at: isoTime.optional(), actor: name.optional() }),
    result: z.array(transitionSchema),
  }),
  'specRequired.save': defineOperation({
    doc: 'Answers the "spec required?" questions for a spec and stores the recommendation with its reasons.',
    args: z.strictObject({ specId: id.optional(), answers: specRequiredAnswersSchema, actor: name.optional() }),
    result: specRequiredResultSchema,
  }),
  'specRequired.get': defineOperation({
    doc: 'The latest "spec required?" answers stored for a spec, or null.',
    args: z.strictObject({ specId: id }),
    result: specRequiredResultSchema.nullable(),
  }),
};
