import { cyrb53 } from '../text/cyrb53.js';

/** A stable id for findings and questions: cyrb53 in base 36. */
export function stableHash(text: string, seed = 0): string {
  return cyrb53(text, seed).toString(36);
}
