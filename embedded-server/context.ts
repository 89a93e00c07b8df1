import type pg from 'pg';
import type { Clock } from './clock.js';
import type { DefectName } from './defects.js';
import type { DevLogBuffer } from './dev-log-buffer.js';
import type { EmailService } from './email/email-service.js';
import type { FailureInjectingEmailService } from './email/failure-injection.js';
import type { Logger } from './log.js';

/** Everything a route or service needs, built once by createApp. */
export interface AppContext {
  pool: pg.Pool;
  clock: Clock;
  logger: Logger;
  email: EmailService;
  /** The same service as `email`, able to fail on demand (the dev API drives it). */
  emailFailures: FailureInjectingEmailService;
  defect: DefectName | undefined;
  dev: boolean;
  appBaseUrl: () => string;
  jwtSecret: Buffer;
  secureCookies: boolean;
  /** Recent log lines for `GET /__dev/logs`, when the process keeps them. */
  logBuffer?: DevLogBuffer;
}
