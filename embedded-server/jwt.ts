import { createHmac, timingSafeEqual } from 'node:crypto';

/** The session cookie's JWT: HS256, `sub` = userId. No library, so the whole format is visible here. */
export interface SessionClaims {
  sub: string;
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

export function signSession(userId: string, now: Date, secret: Buffer): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: SessionClaims = { sub: userId, iat, exp: iat + SESSION_TTL_SECONDS };
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${sign(unsigned, secret)}`;
}

/** The claims if the signature, the algorithm and the expiry (against `now`) all hold; otherwise null. */
export function verifySession(token: string, now: Date, secret: Buffer): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  // Comparing the header byte for byte refuses alg=none and every other algorithm.
  if (header !== HEADER) return null;
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims)) return null;
  return claims.exp > now.getTime() / 1000 ? claims : null;
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.sub === 'string' && typeof v.iat === 'number' && typeof v.exp === 'number';
}

function sign(unsigned: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(unsigned).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
