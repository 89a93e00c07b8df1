import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostError } from '../../common/host-error.js';
import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { RequestActor, TeamRole } from '../team-types.js';

/** Accounts, invitations, passwords, sessions and sign-in (issue 15 FR-3). */
export interface TeamAuth {
  /** Serves `/auth/*` (sign-in page and POST, invitation, sign-out, magic link); false when `url` is not an auth route. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** The caller of a request with a live session cookie (refreshing its idle expiry), else null. */
  authenticate(req: IncomingMessage): Promise<(RequestActor & { csrfToken: string }) | null>;
  /** Creates (or re-invites) an account and returns its one-time invitation link. */
  inviteAccount(input: { email: string; role: TeamRole; name?: string }): Promise<{ link: string; expiresAt: string }>;
  close(): Promise<void>;
}

export interface TeamAuthOptions {
  db: PgDatabase;
  /** The URL users reach the server at; links and cookie scope derive from it. */
  publicUrl: string;
  /** False only for plain HTTP on loopback (tests, a local trial); the Secure flag otherwise. */
  secureCookies: boolean;
  /** When set, sign-in by magic link is offered too. */
  smtpUrl?: string;
  now?: () => Date;
}

/** PLACEHOLDER until the accounts branch lands. */
export function createTeamAuth(options: TeamAuthOptions): TeamAuth {
  void options;
  const missing = async (): Promise<never> => {
    throw new HostError('NOT_IMPLEMENTED', 'team accounts are not built yet');
  };
  return { handle: async () => false, authenticate: async () => null, inviteAccount: missing, close: async () => {} };
}
