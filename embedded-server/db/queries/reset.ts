import type { Queryable } from '../pool.js';

/** Empties every table of the app (not schema_migrations). */
export async function truncateAll(db: Queryable): Promise<void> {
  await db.query('TRUNCATE magic_link_tokens, magic_link_requests, email_outbox, users RESTART IDENTITY CASCADE');
}
