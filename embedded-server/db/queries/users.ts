import { prepared, type Queryable } from '../pool.js';

export type UserStatus = 'active' | 'suspended';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  status: UserStatus;
  created_at: Date;
  updated_at: Date;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(prepared('user-by-email', 'SELECT * FROM users WHERE email = $1', [email]));
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(prepared('user-by-id', 'SELECT * FROM users WHERE id = $1', [id]));
  return rows[0] ?? null;
}

/** Null when the email is taken. */
export async function insertUser(
  db: Queryable,
  user: { email: string; passwordHash: string | null; status: UserStatus; now: Date },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [user.email, user.passwordHash, user.status, user.now],
  );
  return rows[0]?.id ?? null;
}

/** Null when no user has that email. */
export async function setUserStatus(db: Queryable, email: string, status: UserStatus, now: Date): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE users SET status = $2, updated_at = $3 WHERE email = $1 RETURNING id',
    [email, status, now],
  );
  return rows[0]?.id ?? null;
}

export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [userId, passwordHash, now]);
}
