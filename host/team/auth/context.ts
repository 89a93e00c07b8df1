import type { PgDatabase } from '../../db/pg/pg-database.js';
import type { AuthPolicy } from './policy.js';

/**
 * Where auth writes its events: pino's `(fields, message)` shape, so the server's logger fits as is.
 * Fields carry ids, an address's domain, counts and reasons — never a password, token, cookie or
 * full address.
 */
export interface AuthLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLog: AuthLog = { info() {}, warn() {}, error() {} };

/** What every auth module shares, built once by `createTeamAuth`. */
export interface AuthContext {
  db: PgDatabase;
  policy: AuthPolicy;
  now: () => Date;
  log: AuthLog;
  /** The public origin and base path, without a trailing slash (`https://specs.example.com`). */
  publicBase: string;
  secureCookies: boolean;
}

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
