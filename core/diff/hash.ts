/**
 * A 53-bit string hash (cyrb53) as 14 hex digits. Fingerprints only need to tell "changed"
 * from "unchanged" and must run where Web Crypto's async digest would be awkward (core is
 * synchronous and platform-free); content addressing uses SHA-256 on the host instead.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

/** Text with runs of whitespace collapsed, for "only spacing changed". */
export function looseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
