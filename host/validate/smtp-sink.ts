import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Mail, MailSource } from './control.js';

const MAX_MAILS = 1_000;
const MAX_SIZE = 1024 * 1024;

export interface SmtpSink extends MailSource {
  port: number;
  stop(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

/**
 * The validator's own SMTP server on loopback (FR-5): a target configured with
 * `SMTP_URL=smtp://127.0.0.1:PORT` delivers here, and email steps read these instead of the
 * target's outbox. No auth, no TLS, bounded in count and size; newest first.
 */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
  let mails: (Mail & { at: number })[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_SIZE,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const recipients = to.length > 0 ? to : addresses(parsed.to);
          for (const address of recipients) mails.unshift({ to: address, subject: parsed.subject ?? '', htmlBody: typeof parsed.html === 'string' ? parsed.html : '', at: Date.now() });
          if (mails.length > MAX_MAILS) mails = mails.slice(0, MAX_MAILS);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    async list(to) {
      const wanted = to?.trim().toLowerCase();
      return mails.filter((m) => wanted === undefined || m.to === wanted).map(({ to: t, subject, htmlBody }) => ({ to: t, subject, htmlBody }));
    },
    async clear() {
      mails = [];
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
