import { z } from 'zod';
import { defineEvent } from '../define.js';
import { verdictSchema } from './review-threads.js';

// Issue 15 FR-5: what the team server tells every other signed-in window after a change, so the
// library, the editor, the review pane and History refresh within a second. Each names the spec
// (or null for the workspace) and who did it; the receiving window re-reads what it shows.

const by = z.object({ accountId: z.string(), name: z.string() });

export const teamEvents = {
  'team.specChanged': defineEvent({
    doc: 'A library row changed: a spec was created, renamed, archived, unarchived, trashed, restored, or deleted for good.',
    payload: z.object({
      specId: z.number().int(),
      change: z.enum(['created', 'renamed', 'archived', 'unarchived', 'trashed', 'restored', 'deleted']),
      by,
    }),
  }),
  'team.versionSaved': defineEvent({
    doc: 'Someone saved (or restored) a version of a spec: its number, and who saved it.',
    payload: z.object({ specId: z.number().int(), version: z.number().int(), versionId: z.number().int(), by }),
  }),
  'team.threadsChanged': defineEvent({
    doc: "A spec's review threads changed (a thread, reply, edit, deletion, resolution or suggestion decision).",
    payload: z.object({ specId: z.number().int(), threadId: z.string().nullable(), by }),
  }),
  'team.reviewersChanged': defineEvent({
    doc: "A spec's reviewers or review round changed.",
    payload: z.object({ specId: z.number().int(), by }),
  }),
  'team.reviewSubmitted': defineEvent({
    doc: 'A reviewer submitted their review of a spec with a verdict.',
    payload: z.object({ specId: z.number().int(), reviewId: z.string(), verdict: verdictSchema, by }),
  }),
  'team.findingStatesChanged': defineEvent({
    doc: "The author recorded what they did with an AI finding on one version of a spec.",
    payload: z.object({ specId: z.number().int(), contentHash: z.string(), findingId: z.string(), by }),
  }),
};
