import type { Clock } from '../clock.js';
import type { Queryable } from '../db/pool.js';
import { insertOutboxEmail } from '../db/queries/email-outbox.js';
import type { EmailService } from './email-service.js';

/** The embedded default: "sending" stores the email in `email_outbox`, where the dev API shows it. */
export function createOutboxEmailService(db: Queryable, clock: Clock): EmailService {
  return {
    async sendTransactional(to, subject, htmlBody) {
      await insertOutboxEmail(db, { to, subject, htmlBody, sentAt: clock.now() });
    },
  };
}
