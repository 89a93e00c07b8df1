import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { TeamEvent, TeamEvents } from '../team-types.js';

/** PLACEHOLDER until the live branch lands: delivers within this process only (no LISTEN/NOTIFY yet). */
export async function createPgEvents(db: PgDatabase): Promise<TeamEvents> {
  void db;
  const listeners = new Set<(event: TeamEvent) => void>();
  return {
    async publish(event) {
      const full = { ...event, at: Date.now() };
      for (const listener of listeners) listener(full);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
