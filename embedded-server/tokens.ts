import { createHash, randomBytes } from 'node:crypto';
import type { DefectName } from './defects.js';

/** 32 random bytes as 64 lower-case hex characters (the `weak-token` defect: 16 from Math.random). */
export function generateToken(defect?: DefectName): string {
  if (defect === 'weak-token') {
    let weak = '';
    while (weak.length < 16) weak += Math.floor(Math.random() * 16).toString(16);
    return weak;
  }
  return randomBytes(32).toString('hex');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** What goes into `token_hash`: the SHA-256, or the raw token under `plaintext-token`. */
export function storedTokenValue(rawToken: string, defect?: DefectName): string {
  return defect === 'plaintext-token' ? rawToken : sha256Hex(rawToken);
}

/** The exact format: no trimming, no case folding. */
export function isWellFormedToken(token: string, defect?: DefectName): boolean {
  if (defect === 'weak-token' && /^[0-9a-f]{16}$/.test(token)) return true;
  return /^[0-9a-f]{64}$/.test(token);
}
