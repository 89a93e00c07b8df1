import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link or a cookie: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of a token: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The shape every token we issue has; anything else is refused before a database lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The key of a typed address in the rate-limit tables: SHA-256 of its trimmed lower-case form,
 * so limits apply to unknown addresses too without storing what strangers typed.
 */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** `ada@example.com` → `example.com`: the only part of an address a log line may carry. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).toLowerCase() : '(none)';
}
