import type { TeamEvent, TeamEvents } from '../../../../../host/team/team-types.js';

export interface EventLog {
  events: TeamEvent[];
  /** Resolves with the first logged event (already logged or still to come) that matches, or rejects after `timeoutMs` naming `what`. */
  waitFor(match: (event: TeamEvent) => boolean, what: string, timeoutMs?: number): Promise<TeamEvent & { receivedAt: number }>;
}

/** Subscribes to `feed` and keeps every event with the moment it arrived; waits without fixed sleeps. */
export function logEvents(feed: TeamEvents): EventLog {
  const events: Array<TeamEvent & { receivedAt: number }> = [];
  const waiters = new Set<() => void>();
  feed.subscribe((event) => {
    events.push({ ...event, receivedAt: Date.now() });
    for (const w of [...waiters]) w();
  });
  return {
    events,
    waitFor(match, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
