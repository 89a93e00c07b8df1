import { createHash } from 'node:crypto';

/** Short SHA-256 of a comment body: the body history an import compares. */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 16);
}

/** A UUID derived from a text, so the same conflict copy gets the same id on every import. */
export function derivedUuid(text: string): string {
  const h = createHash('sha256').update(text, 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
