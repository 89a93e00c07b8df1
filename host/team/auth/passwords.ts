import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from `node:crypto` (no native add-on, no dependency).
 * Parameters: N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism), a 16-byte random salt and
 * a 64-byte key — 32 MiB of memory and roughly 50–100 ms of one core per hash, OWASP's scrypt
 * baseline. The stored form describes itself, `scrypt$N$r$p$<salt base64url>$<key base64url>`, so
 * a later change of parameters still verifies every older hash.
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt's cost does not depend on length, but a request body should not carry a novel. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes are needed; Node's default ceiling (32 MiB) is exactly that, so give headroom.
    scrypt(password.normalize('NFC'), salt, keyBytes, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = SCRYPT_PARAMETERS;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Reads a stored hash; null when it is not one of ours (or its parameters are out of any sane range). */
function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const powerOfTwo = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16) return null;
  return { N: N!, r: r!, p: p!, salt, key };
}

/** True when `password` matches `stored`; the comparison is constant-time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(actual, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * A real hash (same parameters) of a random password nobody knows, to verify against when the
 * address has no account or no password yet: an unknown address then costs one scrypt like a
 * wrong password, so the answer time does not tell them apart.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummy;
}
