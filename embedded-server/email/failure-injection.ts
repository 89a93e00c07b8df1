import type { EmailService } from './email-service.js';

export class EmailSendError extends Error {
  override name = 'EmailSendError';
}

export interface FailureInjectingEmailService extends EmailService {
  /** The next `count` sends throw (replaces any pending count). */
  failNext(count: number): void;
  pendingFailures(): number;
}

/** Wraps a real service so the dev API can make sends fail on demand. */
export function withFailureInjection(inner: EmailService): FailureInjectingEmailService {
  let pending = 0;
  return {
    async sendTransactional(to, subject, htmlBody) {
      if (pending > 0) {
        pending -= 1;
        throw new EmailSendError('simulated email provider failure');
      }
      await inner.sendTransactional(to, subject, htmlBody);
    },
    failNext(count) {
      pending = count;
    },
    pendingFailures: () => pending,
  };
}
