/**
 * The statements of the team event feed (PostgreSQL LISTEN/NOTIFY). The channel name is an
 * identifier, not a parameter, in LISTEN/UNLISTEN: it is checked against a strict pattern before
 * it is quoted into the statement; NOTIFY goes through `pg_notify($1, $2)` so payloads are
 * ordinary parameters.
 */

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

function channelIdentifier(channel: string): string {
  if (!CHANNEL_PATTERN.test(channel)) throw new Error(`"${channel}" is not a valid event channel (lower-case letters, digits, _; at most 63)`);
  return `"${channel}"`;
}

export const eventQueries = {
  listen: (channel: string) => `LISTEN ${channelIdentifier(channel)}`,
  unlisten: (channel: string) => `UNLISTEN ${channelIdentifier(channel)}`,
  /**
   * Several payloads in one statement (one transaction), delivered in array order. PostgreSQL folds
   * identical payloads within a transaction into one, so every payload must be unique (each
   * carries its publisher's sequence number).
   */
  notifyMany: 'SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY n',
  /** The listening connection's server process (diagnostics, and tests that end it). */
  backendPid: 'SELECT pg_backend_pid() AS pid',
  /** Cheap round trip that proves the listening connection still works. */
  probe: 'SELECT 1',
} as const;
