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

// scrypt is deliberately slow; hashing once per process keeps the dev reset well under 100 ms.
let demoHash: Promise<string> | undefined;

export async function seedDemoUsers(db: Queryable, clock: Clock): Promise<void> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  for (const user of DEMO_USERS) {
    await insertUser(db, {
      email: user.email,
      passwordHash: user.withPassword ? passwordHash : null,
      status: user.status,
      now: clock.now(),
    });
  }
}
