import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

/** `count` active users named `${prefix}${i}@bench.test`, inserted in one statement; resolves to their emails. */
export async function seedUsers(pool: pg.Pool, prefix: string, count: number): Promise<string[]> {
  await pool.query(
    `INSERT INTO users (email, status) SELECT $1 || g || '@bench.test', 'active' FROM generate_series(1, $2::int) AS g`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}@bench.test`);
}

/**
 * One valid, unused token per given user, stored as the server stores them (SHA-256 hex,
 * expiring in 15 minutes); resolves to the raw tokens. Lets /verify be loaded without /request.
 */
export async function seedTokens(pool: pg.Pool, emails: readonly string[]): Promise<string[]> {
  const raw = emails.map(() => randomBytes(32).toString('hex'));
  const hashes = raw.map((t) => createHash('sha256').update(t).digest('hex'));
  await pool.query(
    `INSERT INTO magic_link_tokens (user_id, token_hash, expires_at, created_at)
     SELECT u.id, x.hash, now() + interval '15 minutes', now()
     FROM unnest($1::text[], $2::text[]) AS x(email, hash) JOIN users u ON u.email = x.email`,
    [emails, hashes],
  );
  return raw;
}
