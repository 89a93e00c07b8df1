import { z } from 'zod';
import { defineEvent, defineOperation } from '../define.js';

// Issue 15 FR-5: what a team server pushes so every signed-in window stays live, and the one
// operation a window uses to say which spec it has open. Payloads are deliberately small (ids,
// names, version numbers): they travel as PostgreSQL NOTIFY payloads (< 8000 bytes) between
// `team serve` processes, and a window reloads the details through the ordinary operations.

/** How often a window repeats `team.presence.set` while a spec is open. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/** A window not heard from for this long no longer counts as having the spec open. */
export const PRESENCE_TTL_MS = 60_000;

const specIdSchema = z.number().int().positive();

/** Who did something, as the team server's accounts name them (the account id is also the person id). */
export const teamPersonSchema = z.object({ accountId: z.string().min(1).max(100), name: z.string().max(200) });
export type TeamPerson = z.infer<typeof teamPersonSchema>;

/** A `team.presence` event names at most this many people (a notification must stay under 8000 bytes); `more` counts the rest. */
export const PRESENCE_EVENT_MAX_PEOPLE = 40;

export const presenceSchema = z.object({
  specId: specIdSchema.nullable(),
  /** Everyone with the spec open now, one entry per account, the caller included. */
  people: z.array(teamPersonSchema),
  /** How many more people have it open than `people` lists (events only; the operation lists everyone). */
  more: z.number().int().nonnegative().optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

export const teamLiveOperations = {
  'team.presence.set': defineOperation({
    doc: 'Says which spec this window has open (null: none); repeat it as a heartbeat every 20 s, entries expire after 60 s. Answers who has that spec open. Local hosts answer an empty list.',
    args: z.object({ specId: specIdSchema.nullable() }),
    result: presenceSchema,
  }),
};

export const teamLiveEvents = {
  'team.threadsChanged': defineEvent({
    doc: 'A review thread or comment of the spec was added, edited, resolved or removed: reload its threads.',
    payload: z.object({ specId: specIdSchema }),
  }),
  'team.versionSaved': defineEvent({
    doc: 'Someone saved a new version of the spec.',
    payload: z.object({ specId: specIdSchema, version: z.number().int().positive(), by: teamPersonSchema }),
  }),
  'team.reviewSubmitted': defineEvent({
    doc: 'A reviewer submitted a verdict on the spec: reload verdicts and the round status.',
    payload: z.object({ specId: specIdSchema }),
  }),
  'team.validationRecorded': defineEvent({
    doc: 'A validation run of the spec was stored: reload its validation results.',
    payload: z.object({ specId: specIdSchema }),
  }),
  'team.presence': defineEvent({
    doc: 'Who has the spec open changed.',
    payload: presenceSchema.extend({ specId: specIdSchema }),
  }),
  'team.resync': defineEvent({
    doc: 'This server lost its event feed for a while and may have missed changes: reload what is on screen.',
    payload: z.object({ reason: z.string() }),
  }),
};
