import { HostError } from '../../common/host-error.js';

/*
 * What PostgreSQL cannot hold that SQLite can. The store answers these before asking the
 * database, so a caller gets the same kind of answer from both dialects, never a raw driver error.
 */

/**
 * Ids are INTEGER (32-bit): a larger number sent as a parameter is an "out of range" error,
 * where SQLite simply finds no row. Callers answer NOT_FOUND for such ids without asking.
 */
export function fitsInt(n: number): boolean {
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
}

/**
 * PostgreSQL text cannot contain NUL (U+0000); SQLite can. Refused by name instead of the
 * driver's "invalid byte sequence", and before anything is written.
 */
export function refuseNul(text: string | null | undefined, what: string): void {
  if (text && text.includes('\u0000')) {
    throw new HostError('INVALID_TEXT', `the ${what} was not saved: it contains a NUL character (U+0000), which the team database cannot store`);
  }
}
