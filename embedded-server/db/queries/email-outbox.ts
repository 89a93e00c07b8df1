import { prepared, type Queryable } from '../pool.js';

export interface EmailOutboxRow {
  id: string;
  to_address: string;
  subject: string;
  html_body: string;
  sent_at: Date;
}

export async function insertOutboxEmail(
  db: Queryable,
  email: { to: string; subject: string; htmlBody: string; sentAt: Date },
): Promise<void> {
  await db.query(
    prepared('insert-outbox-email', 'INSERT INTO email_outbox (to_address, subject, html_body, sent_at) VALUES ($1, $2, $3, $4)', [
      email.to,
      email.subject,
      email.htmlBody,
      email.sentAt,
    ]),
  );
}

/** Newest first. */
export async function listOutboxEmails(db: Queryable, to?: string): Promise<EmailOutboxRow[]> {
  const { rows } = await db.query<EmailOutboxRow>(
    `SELECT id::text AS id, to_address, subject, html_body, sent_at FROM email_outbox
     WHERE $1::text IS NULL OR to_address = $1 ORDER BY id DESC`,
    [to ?? null],
  );
  return rows;
}
