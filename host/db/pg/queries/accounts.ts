import type { TeamRole } from '../../../team/team-types.js';
import type { PgQueryable } from '../pg-database.js';

/** Rows of migration 004 (accounts, invitations). They never leave host/db and host/team/auth. */
interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: TeamRole;
  password_hash: string | null;
  disabled: boolean;
  created_at: Date;
}

export interface StoredAccount {
  id: string;
  email: string;
  name: string;
  role: TeamRole;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: string;
}

const ACCOUNT_COLUMNS = 'id, email, name, role, password_hash, disabled, created_at';

function toAccount(row: AccountRow): StoredAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

/** The account of an address, whatever its case. */
export async function findAccountByEmail(q: PgQueryable, email: string): Promise<StoredAccount | null> {
  const row = await q.one<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE lower(email) = lower($1)`, [email]);
  return row && toAccount(row);
}

export async function findAccountById(q: PgQueryable, id: string): Promise<StoredAccount | null> {
  const row = await q.one<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
  return row && toAccount(row);
}

export async function listAccounts(q: PgQueryable): Promise<StoredAccount[]> {
  return (await q.rows<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY lower(email)`)).map(toAccount);
}

/**
 * Creates the account, or updates the role (and the name when one is given) of the account that
 * already has this address in any case. The stored address keeps the case it was first given.
 */
export async function upsertAccount(
  q: PgQueryable,
  input: { email: string; role: TeamRole; name: string | null; defaultName: string; at: Date },
): Promise<StoredAccount> {
  const row = await q.one<AccountRow>(
    `INSERT INTO accounts (email, name, role, created_at, updated_at) VALUES ($1, coalesce($3, $4), $2, $5, $5)
     ON CONFLICT ((lower(email))) DO UPDATE SET role = EXCLUDED.role, name = coalesce($3, accounts.name), updated_at = $5
     RETURNING ${ACCOUNT_COLUMNS}`,
    [input.email, input.role, input.name, input.defaultName, input.at],
  );
  return toAccount(row!);
}

export async function setPasswordHash(q: PgQueryable, accountId: string, passwordHash: string, at: Date): Promise<void> {
  await q.rows('UPDATE accounts SET password_hash = $2, updated_at = $3 WHERE id = $1', [accountId, passwordHash, at]);
}

export async function setAccountDisabled(q: PgQueryable, accountId: string, disabled: boolean, at: Date): Promise<void> {
  await q.rows('UPDATE accounts SET disabled = $2, updated_at = $3 WHERE id = $1', [accountId, disabled, at]);
}

/** Marks every open invitation of the account as replaced (a re-invite supersedes them). */
export async function replaceOpenInvitations(q: PgQueryable, accountId: string, at: Date): Promise<void> {
  await q.rows('UPDATE invitations SET replaced_at = $2 WHERE account_id = $1 AND used_at IS NULL AND replaced_at IS NULL', [accountId, at]);
}

export async function insertInvitation(q: PgQueryable, input: { tokenHash: string; accountId: string; at: Date; expiresAt: Date }): Promise<void> {
  await q.rows('INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    input.tokenHash,
    input.accountId,
    input.at,
    input.expiresAt,
  ]);
}

export type InvitationState = 'open' | 'used' | 'expired' | 'replaced';

/** The state of the invitation with this token hash at `at`, or null when no invitation has it. */
export async function invitationState(q: PgQueryable, tokenHash: string, at: Date): Promise<{ state: InvitationState; accountId: string } | null> {
  const row = await q.one<{ account_id: string; used_at: Date | null; replaced_at: Date | null; expires_at: Date }>(
    'SELECT account_id, used_at, replaced_at, expires_at FROM invitations WHERE token_hash = $1',
    [tokenHash],
  );
  if (!row) return null;
  const state: InvitationState = row.used_at ? 'used' : row.replaced_at ? 'replaced' : row.expires_at.getTime() <= at.getTime() ? 'expired' : 'open';
  return { state, accountId: row.account_id };
}

/**
 * Consumes an open invitation: one statement that only matches while it is unused, unreplaced and
 * unexpired, so two submissions of the same link cannot both succeed. The account id, or null.
 */
export async function consumeInvitation(q: PgQueryable, tokenHash: string, at: Date): Promise<string | null> {
  const row = await q.one<{ account_id: string }>(
    `UPDATE invitations SET used_at = $2
     WHERE token_hash = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2
     RETURNING account_id`,
    [tokenHash, at],
  );
  return row?.account_id ?? null;
}
