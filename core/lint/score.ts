import type { Finding } from './types.js';

/**
 * 0–100 per item. Items without errors score 60–100 (warnings cost 10, notes 2); items with
 * an error score at most 45, so a binary criterion always outranks a non-binary one.
 */
export function scoreFindings(findings: readonly Finding[]): number {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  if (errors === 0) return Math.max(60, 100 - 10 * warnings - 2 * infos);
  return Math.max(0, 45 - 15 * (errors - 1) - 5 * warnings - infos);
}
