import { z } from 'zod';
import { defineOperation } from '../define.js';
import { loneSurrogateIndex } from '../../markdown/utf8.js';

// Asynchronous review (issue 13): people, reviewers, anchored threads, suggestions, rounds,
// pending reviews with verdicts, and `.specreview` packages. Ids of people, threads, comments,
// rounds and reviews are UUIDs so packages from other machines merge by id.

const specId = z.number().int().positive();
const uuid = z.string().uuid();
const MAX_MARKDOWN = 10 * 1024 * 1024;
/** Stored text: a lone UTF-16 surrogate has no UTF-8 form and would come back changed, so it is refused. */
const storable = (max: number) => z.string().max(max).refine((s) => loneSurrogateIndex(s) < 0, 'must be valid Unicode text (no lone surrogate)');
const body = storable(20_000).pipe(z.string().trim().min(1, 'a comment needs some text'));
const markdownArg = storable(MAX_MARKDOWN);

export const personSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Person = z.infer<typeof personSchema>;

export const personInputSchema = z
  .object({
    name: storable(200).pipe(z.string().trim().min(1, 'a name is required')),
    email: z.string().trim().email('not an email address').max(320),
  })
  .strict();

export const severitySchema = z.enum(['blocking', 'non-blocking', 'question']);
export type Severity = z.infer<typeof severitySchema>;
export const verdictSchema = z.enum(['approve', 'request-changes', 'comment']);
export type Verdict = z.infer<typeof verdictSchema>;

export const reviewerSchema = z.object({ person: personSchema, addedBy: z.string(), addedAt: z.string() });
export type Reviewer = z.infer<typeof reviewerSchema>;

export const commentSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  author: personSchema,
  /** The text; for a deleted comment (a tombstone) the text is kept so undo can bring it back. */
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  deletedBy: z.string().nullable(),
  /** Set on the copy an import kept when two people edited this comment concurrently: the id of the other one. */
  conflictOf: z.string().nullable(),
});
export type ThreadComment = z.infer<typeof commentSchema>;

/** The selector the thread was made with (never changes): shown for an outdated thread. */
export const selectorSchema = z.object({
  requirementId: z.string().nullable(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  wholeRequirement: z.boolean(),
  versionHash: z.string(),
  /** The local number of that version, or null when this library does not hold it. */
  versionNumber: z.number().int().nullable(),
});

/** Where the thread lies in the text it was listed against (offsets in the whole document). */
export const placementSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('attached'),
    start: z.number().int(),
    end: z.number().int(),
    requirementId: z.string().nullable(),
    method: z.enum(['id', 'quote', 'fuzzy', 'requirement']),
    /** Heading of the section the placement lies in ('' before the first section). */
    section: z.string(),
  }),
  z.object({ status: z.literal('outdated'), reason: z.enum(['not-found', 'ambiguous']) }),
]);
export type ThreadPlacement = z.infer<typeof placementSchema>;

export const threadSchema = z.object({
  id: z.string(),
  specId: z.number().int(),
  kind: z.enum(['comment', 'suggestion']),
  severity: severitySchema,
  status: z.enum(['open', 'resolved']),
  statusBy: z.string(),
  statusAt: z.string(),
  createdBy: personSchema,
  createdAt: z.string(),
  selector: selectorSchema,
  placement: placementSchema,
  suggestion: z
    .object({
      text: z.string(),
      state: z.enum(['open', 'accepted', 'rejected']),
      /** Whether accept is possible in the listed text; otherwise `reason` says why ("text changed since the suggestion"). */
      canAccept: z.boolean(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** Part of a pending (unsubmitted) review: visible only to its author. */
  pending: z.boolean(),
  findingId: z.string().nullable(),
  /** Ids of the spec's reviewers @mentioned in the thread's live comments. */
  mentions: z.array(z.string()),
  comments: z.array(commentSchema),
});
export type ReviewThread = z.infer<typeof threadSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  specId: z.number().int(),
  reviewer: personSchema,
  state: z.enum(['pending', 'submitted']),
  verdict: verdictSchema.nullable(),
  body: z.string(),
  versionHash: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Threads in this review. */
  threadCount: z.number().int(),
});
export type Review = z.infer<typeof reviewSchema>;

export const roundSchema = z.object({
  id: z.string(),
  specId: z.number().int(),
  versionHash: z.string(),
  versionNumber: z.number().int().nullable(),
  meetingAt: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  reviewerIds: z.array(z.string()),
});
export type ReviewRound = z.infer<typeof roundSchema>;

export const roundStatusSchema = z.object({
  specId: z.number().int(),
  headVersion: z.number().int(),
  round: roundSchema.nullable(),
  /** Hours until the meeting (negative once past); null without a meeting time. */
  hoursToMeeting: z.number().nullable(),
  /** "the meeting is in 20 hours: reviewers get less than the 48 hours they need", or null. */
  warning: z.string().nullable(),
  reviewers: z.array(
    z.object({
      person: personSchema,
      requested: z.boolean(),
      /** The reviewer's latest submitted verdict, or null. */
      verdict: verdictSchema.nullable(),
      versionNumber: z.number().int().nullable(),
      submittedAt: z.string().nullable(),
      /** A requirement, criterion or row the reviewer saw changed since (semantic diff against the head). */
      stale: z.boolean(),
      changed: z.array(z.string()),
      /** Requested again: their verdict is stale, or they were requested and have not answered. */
      reRequested: z.boolean(),
    }),
  ),
  openThreads: z.number().int(),
  openBlocking: z.number().int(),
  outdated: z.number().int(),
});
export type RoundStatus = z.infer<typeof roundStatusSchema>;

export const importResultSchema = z.object({
  specId: z.number().int(),
  threadsAdded: z.number().int(),
  commentsAdded: z.number().int(),
  commentsUpdated: z.number().int(),
  conflicts: z.number().int(),
  reviewsAdded: z.number().int(),
  reviewersAdded: z.number().int(),
});
export type PackageImportResult = z.infer<typeof importResultSchema>;

const threadId = uuid;
const commentId = uuid;
const threadResult = z.object({ thread: threadSchema });

export const reviewThreadOperations = {
  'profile.get': defineOperation({
    doc: 'The local profile (the person every action here is recorded as), or null before it is set.',
    args: z.object({}).strict(),
    result: z.object({ profile: personSchema.nullable() }),
  }),
  'profile.set': defineOperation({
    doc: 'Sets (or edits) the local profile: name and email. History and comments show this name.',
    args: personInputSchema,
    result: z.object({ profile: personSchema }),
  }),
  'reviewers.add': defineOperation({
    doc: "Adds a reviewer to a spec by name and email (the same person when the email is known).",
    args: personInputSchema.extend({ specId }).strict(),
    result: z.object({ reviewers: z.array(reviewerSchema) }),
  }),
  'reviewers.list': defineOperation({
    doc: "A spec's reviewers.",
    args: z.object({ specId }).strict(),
    result: z.object({ reviewers: z.array(reviewerSchema) }),
  }),
  'threads.list': defineOperation({
    doc: "A spec's threads placed in `markdown` (default: the head version): re-anchored by id, quote, then fuzzy match, else outdated. Resolved threads only with includeResolved.",
    args: z.object({ specId, markdown: markdownArg.optional(), includeResolved: z.boolean().default(true) }).strict(),
    result: z.object({ threads: z.array(threadSchema) }),
  }),
  'threads.add': defineOperation({
    doc: 'Starts a thread on the selection [start, end) of `markdown` (default: the head version), made on the head version. With `suggestion`, a suggestion replacing the quote; with `pending`, part of your pending review.',
    args: z
      .object({
        specId,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        markdown: markdownArg.optional(),
        body,
        severity: severitySchema.default('non-blocking'),
        suggestion: storable(100_000).optional(),
        pending: z.boolean().default(false),
        findingId: storable(300).optional(),
      })
      .strict()
      .refine((a) => a.end > a.start, { message: 'the selection is empty: end must be after start', path: ['end'] }),
    result: threadResult,
  }),
  'threads.reply': defineOperation({
    doc: 'Adds a reply to a thread.',
    args: z.object({ threadId, body }).strict(),
    result: threadResult,
  }),
  'threads.edit': defineOperation({
    doc: 'Edits one of your own comments.',
    args: z.object({ commentId, body }).strict(),
    result: threadResult,
  }),
  'threads.delete': defineOperation({
    doc: 'Deletes one of your own comments, leaving a tombstone; threads.undoDelete brings it back.',
    args: z.object({ commentId }).strict(),
    result: threadResult,
  }),
  'threads.undoDelete': defineOperation({
    doc: 'Undoes the deletion of a comment.',
    args: z.object({ commentId }).strict(),
    result: threadResult,
  }),
  'threads.resolve': defineOperation({
    doc: 'Resolves a thread.',
    args: z.object({ threadId }).strict(),
    result: threadResult,
  }),
  'threads.reopen': defineOperation({
    doc: 'Reopens a resolved thread.',
    args: z.object({ threadId }).strict(),
    result: threadResult,
  }),
  'suggestions.accept': defineOperation({
    doc: 'Accepts a suggestion against `markdown` (the editor text): returns the one edit replacing exactly its quote, and resolves the thread. Refused with TEXT_CHANGED when the quote changed since.',
    args: z.object({ threadId, markdown: markdownArg }).strict(),
    result: z.object({ thread: threadSchema, edit: z.object({ start: z.number().int(), end: z.number().int(), replacement: z.string() }), markdown: z.string() }),
  }),
  'suggestions.reject': defineOperation({
    doc: 'Rejects a suggestion (the thread stays open for discussion).',
    args: z.object({ threadId }).strict(),
    result: threadResult,
  }),
  'rounds.request': defineOperation({
    doc: "Requests review of the head version from chosen reviewers (the spec's reviewers), with an optional meeting time; warns when the meeting is under 48 hours away.",
    args: z.object({ specId, reviewerIds: z.array(z.string().min(1)).min(1, 'choose at least one reviewer'), meetingAt: z.string().datetime({ offset: true }).optional() }).strict(),
    result: z.object({ round: roundSchema, warning: z.string().nullable() }),
  }),
  'rounds.status': defineOperation({
    doc: 'Reviewers, their verdicts (stale when something they saw changed), the meeting countdown and open blocking threads.',
    args: z.object({ specId }).strict(),
    result: roundStatusSchema,
  }),
  'reviews.pending': defineOperation({
    doc: 'Your pending review of a spec (threads written but not yet submitted), or null.',
    args: z.object({ specId }).strict(),
    result: z.object({ review: reviewSchema.nullable() }),
  }),
  'reviews.submit': defineOperation({
    doc: "Submits your review once with a verdict, tied to the head version; publishes its pending threads. Refused when you are not one of the spec's reviewers.",
    args: z.object({ specId, verdict: verdictSchema, body: storable(20_000).default('') }).strict(),
    result: z.object({ review: reviewSchema }),
  }),
  'reviewPackage.export': defineOperation({
    doc: 'A `.specreview` package (JSON, versioned schema) of the head version with its threads, verdicts and reviewers; written to `path` when given.',
    args: z.object({ specId, path: z.string().min(1).max(4096).optional() }).strict(),
    result: z.object({ json: z.string(), path: z.string().nullable(), threads: z.number().int() }),
  }),
  'reviewPackage.import': defineOperation({
    doc: 'Merges a `.specreview` package by stable ids: idempotent, nothing lost or duplicated; concurrent edits of one comment keep both, marked as a conflict. A package from a newer schema is refused.',
    args: z.union([z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({ json: z.string().max(50 * 1024 * 1024) }).strict()]),
    result: importResultSchema,
  }),
};
