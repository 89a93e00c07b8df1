/**
 * The live events the team API publishes after a change, with their payloads as the live branch
 * declares them in the contract (`core/contract/ops/team-live.ts`, issue 15 FR-5), which checks
 * every published event against its schema. Written out here while the branches are built in
 * parallel; once merged, `PayloadOf<K>` of the contract can replace this map.
 * Payloads stay small (ids, names, numbers): they travel as PostgreSQL NOTIFY payloads.
 */
export interface TeamApiEventPayloads {
  /** A thread or comment of the spec was added, edited, resolved or removed. */
  'team.threadsChanged': { specId: number };
  /** Someone saved (or restored) a version of the spec. */
  'team.versionSaved': { specId: number; version: number; by: { accountId: string; name: string } };
  /** A reviewer submitted a verdict (or the reviewers or round changed): reload verdicts and round status. */
  'team.reviewSubmitted': { specId: number };
}

export type TeamApiEventName = keyof TeamApiEventPayloads;
