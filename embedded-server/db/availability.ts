import type { Logger } from '../log.js';

/** SQLSTATEs meaning "no database right now": connection exceptions (08…), shutdown and startup (57P01–57P03). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3])$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// pg reports a dropped socket and a pool connect timeout with messages only.
const UNAVAILABLE_MESSAGE = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;

/** True for errors that say the database cannot be reached, as opposed to a bug or a bad query. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnavailableError(cause);
}

export interface DatabaseAvailability {
  readonly available: boolean;
  /** A request (or the cluster) saw the database go away: mark it down and start recovering. Idempotent while down. */
  reportDown(reason: string): void;
  /** Ends the recovery loop (server shutdown). */
  stop(): void;
}

export interface AvailabilityOptions {
  logger: Logger;
  /** Resolves when the database answers (e.g. `SELECT 1`). */
  probe: () => Promise<void>;
  /** Run before each probe while down, e.g. restarting a dead embedded cluster. */
  repair?: () => Promise<void>;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * The database's state as the server sees it. The change is logged once each way ("database
 * unavailable", "database available again"), never per request; while down, a loop repairs and
 * probes with capped exponential backoff until the database answers.
 */
export function createAvailability(options: AvailabilityOptions): DatabaseAvailability {
  const { logger } = options;
  const initialDelayMs = options.initialDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  let available = true;
  let stopped = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const recover = async (downSince: number): Promise<void> => {
    let delay = initialDelayMs;
    let attempts = 0;
    let lastError = '';
    while (!stopped) {
      attempts += 1;
      try {
        await options.repair?.();
        await options.probe();
        available = true;
        logger.info({ downMs: Date.now() - downSince, attempts }, 'database available again');
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        logger.debug({ attempts, reason: lastError, retryInMs: delay }, 'database still unavailable');
      }
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  };

  return {
    get available() {
      return available;
    },
    reportDown(reason) {
      if (!available || stopped) return;
      available = false;
      logger.error({ reason }, 'database unavailable');
      void recover(Date.now());
    },
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
