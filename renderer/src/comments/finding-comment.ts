import type { Finding } from '../../../core/review/finding.js';
import { useWorkbench } from '../state/store.js';
import { commentActions } from './comments-store.js';

/**
 * One click from an AI review finding to a review thread on its quote, keeping its rationale;
 * as a suggestion when the finding proposes replacement text. `start`/`end` are the finding's
 * anchor in the whole document, which the review runtime computes against the current text.
 */
export function commentOnFinding(finding: Finding, start: number, end: number, asSuggestion: boolean): Promise<boolean> {
  const body = [finding.problem, `Why an agent would guess: ${finding.whyAnAgentWouldGuess}`, `Suggestion: ${finding.suggestion}`].join('\n\n');
  return commentActions.add({
    body,
    severity: finding.severity === 'high' ? 'blocking' : 'non-blocking',
    pending: false,
    start,
    end,
    markdown: useWorkbench.getState().doc.source,
    findingId: finding.id,
    ...(asSuggestion && finding.proposedText !== undefined ? { suggestion: finding.proposedText } : {}),
  });
}
