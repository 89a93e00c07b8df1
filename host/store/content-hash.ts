import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the text's UTF-8 bytes, and how many bytes that is: the content address of a version. */
export function contentHash(markdown: string): { hash: string; bytes: number } {
  const data = Buffer.from(markdown, 'utf8');
  return { hash: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}
