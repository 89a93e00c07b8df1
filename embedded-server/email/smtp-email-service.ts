import nodemailer from 'nodemailer';
import type { EmailService } from './email-service.js';

const FROM = 'Magic Link <no-reply@magic-link.invalid>';

/**
 * Real SMTP delivery (selected by `SMTP_URL`, e.g. `smtp://127.0.0.1:2525`), beside the PostgreSQL
 * outbox used otherwise. A refused or failed send rejects, so the request answers 503 like any
 * email failure. Short timeouts: a dead relay must not hold a request for minutes.
 */
export function createSmtpEmailService(smtpUrl: string): EmailService {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || 25),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Loopback sinks speak plain SMTP; STARTTLS is used when the relay offers it.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return {
    async sendTransactional(to, subject, htmlBody) {
      await transport.sendMail({ from: FROM, to, subject, html: htmlBody });
    },
  };
}
