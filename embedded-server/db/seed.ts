import type { Clock } from '../clock.js';
import { hashPassword } from '../passwords.js';
import type { Queryable } from './pool.js';
import { insertUser, type UserStatus } from './queries/users.js';

/** The demo users (README lists them). `ON CONFLICT DO NOTHING`, so seeding a persistent database twice is harmless. */
export const DEMO_PASSWORD = 'correct-horse-battery-staple';
export const DEMO_USERS: ReadonlyArray<{ email: string; withPassword: boolean; status: UserStatus }> = [
  { email: 'alice@example.com', withPassword: true, status: 'active' },
  { email: 'bob@example.com', withPassword: false, status: 'active' },
  { email: 'carol@example.com', withPassword: true, status: 'suspended' },
];

/**
 * Not a person: when nobody eligible owns a requested address, the token is issued to this user
 * and deleted again, so that unknown and registered addresses cost the database the same work.
 * Suspended and without a password, it can neither log in nor receive a link.
 */
export const DECOY_USER = { id: '00000000-0000-4000-8000-000000000000', email: 'decoy@magic-link.invalid' } as const;

// scrypt is deliberately slow; hashing once per process keeps the dev reset well under 100 ms.
let demoHash: Promise<string> | undefined;

/** The demo users and the decoy user. */
export async function seedDemoUsers(db: Queryable, clock: Clock): Promise<void> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  await db.query(
    `INSERT INTO users (id, email, password_hash, status, created_at, updated_at) VALUES ($1, $2, NULL, 'suspended', $3, $3)
     ON CONFLICT DO NOTHING`,
    [DECOY_USER.id, DECOY_USER.email, clock.now()],
  );
  for (const user of DEMO_USERS) {
    await insertUser(db, {
      email: user.email,
      passwordHash: user.withPassword ? passwordHash : null,
      status: user.status,
      now: clock.now(),
    });
  }
}
