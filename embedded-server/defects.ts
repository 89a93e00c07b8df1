/**
 * Deliberate deviations that imitate a careless implementation, one at a time with
 * `--defect NAME`, so that a spec's acceptance criteria can be shown to catch them.
 */
export const DEFECTS = [
  { name: 'plaintext-token', description: 'stores the raw token in token_hash instead of its SHA-256' },
  { name: 'weak-token', description: 'tokens are 16 hex characters from Math.random' },
  { name: 'no-rate-limit', description: 'never answers 429; every request sends a link' },
  { name: 'enumeration-404', description: 'unknown emails get 404 {"error":"USER_NOT_FOUND"} instead of 202' },
  { name: 'timing-leak', description: 'unknown emails skip hashing and every database write (rate-limit row included)' },
  { name: 'token-reuse', description: 'used or invalidated tokens still verify' },
  { name: 'no-expiry', description: 'tokens never expire' },
  { name: 'email-failure-ignored', description: 'a failed email send still answers 202 and keeps the token' },
  { name: 'verify-race', description: 'verify reads the token, then marks it used without a condition' },
  { name: 'suspended-gets-link', description: 'suspended users are sent a working link' },
  { name: 'logs-full-email', description: 'logs the full email address instead of its domain' },
  { name: 'old-links-stay-valid', description: 'a new link leaves the earlier unused links valid' },
] as const;

export type DefectName = (typeof DEFECTS)[number]['name'];

export const DEFECT_NAMES: readonly DefectName[] = DEFECTS.map((d) => d.name);

export function isDefectName(value: string): value is DefectName {
  return (DEFECT_NAMES as readonly string[]).includes(value);
}

/** One line per defect, name padded: the `--list-defects` output. */
export function formatDefectList(): string {
  const width = Math.max(...DEFECT_NAMES.map((n) => n.length)) + 2;
  return DEFECTS.map((d) => d.name.padEnd(width) + d.description).join('\n') + '\n';
}
