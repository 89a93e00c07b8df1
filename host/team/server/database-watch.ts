import type { Logger } from 'pino';
import { scrubText } from './log-redaction.js';

/** Notes when the database goes away and comes back, logging each change once rather than per request. */
export interface DatabaseWatch {
  down(detail: string): void;
  up(): void;
  readonly available: boolean;
}

export function databaseWatch(log: Logger, where: string): DatabaseWatch {
  let available = true;
  return {
    down(detail) {
      if (!available) return;
      available = false;
      log.warn({ database: where, reason: scrubText(detail) }, 'database unavailable');
    },
    up() {
      if (available) return;
      available = true;
      log.info({ database: where }, 'database available again');
    },
    get available() {
      return available;
    },
  };
}
