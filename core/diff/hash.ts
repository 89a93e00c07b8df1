import { cyrb53 } from '../text/cyrb53.js';

/** A change fingerprint: cyrb53 as 14 hex digits. */
export function hashText(text: string): string {
  return cyrb53(text).toString(16).padStart(14, '0');
}

/** Text with runs of whitespace collapsed, for "only spacing changed". */
export function looseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
