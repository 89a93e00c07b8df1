import { userInfo } from 'node:os';
import type { SqliteDatabase } from '../db/connection.js';
import type { Queries } from '../db/queries/create-queries.js';
import type { SpecFingerprint } from '../../core/diff/types.js';
import { HostError } from '../common/host-error.js';

/** One open database with its prepared statements: what the store's domain functions work on. */
export interface StoreSession {
  db: SqliteDatabase;
  q: Queries;
  file: string;
  /** Parsed fingerprints of recent heads by version id, so consecutive saves skip re-reading the JSON. */
  fingerprints: Map<number, SpecFingerprint>;
}

let last = 0;

/**
 * Timestamps are ISO 8601 in UTC with milliseconds, so text order is time order. Within this
 * process they strictly increase, so two edits in the same millisecond still sort as made.
 */
export function nowIso(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}

/** Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so reads inside see the latest head. */
export function writeTransaction<T>(s: StoreSession, fn: () => T): T {
  return s.db.transaction(fn).immediate();
}

/** The OS account name, used as author when the caller names none. */
export function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function notFound(what: string): HostError {
  return new HostError('NOT_FOUND', `${what} does not exist`);
}
