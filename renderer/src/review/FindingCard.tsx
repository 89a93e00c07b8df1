import type { MouseEvent } from 'react';
import { applyBlocker, type Placement } from '../../../core/review/placement.js';
import type { ShownFinding } from './collect.js';
import { applyFinding, recordState, revealFinding } from './finding-actions.js';
import { commentOnFinding } from '../comments/finding-comment.js';

function placementText(p: Placement, section: string): string {
  switch (p.kind) {
    case 'located':
      return p.anchor.kind === 'exact' ? 'Highlighted in the text' : p.anchor.kind === 'normalized' ? 'Highlighted (spacing or case differs)' : `Highlighted (approximate match, ${Math.round(p.anchor.score * 100)}%)`;
    case 'insert':
      return `Adds text to ${section}`;
    case 'no-section':
      return `The spec has no section "${section}"`;
    case 'outdated':
      return 'Outdated: the quoted text is no longer in the section';
    case 'not-found':
      return 'Not found in the text';
  }
}

/** One finding: severity, quote, problem, suggestion, where it stands, and Apply / Dismiss / Reopen. */
export function FindingCard({ f, placement, state, sectionTitle, passTitle, selected, view }: { f: ShownFinding; placement: Placement; state: string; sectionTitle: string; passTitle: (id: string) => string; selected: boolean; view: 'sections' | 'document' }) {
  const finding = f.finding;
  const blocker = applyBlocker(finding, placement, view);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <li
      className={`rf rf-${finding.severity} rf-state-${state} rf-place-${placement.kind}${selected ? ' rf-selected' : ''}`}
      data-testid="review-finding"
      data-finding-id={finding.id}
      data-pass={f.passId}
      data-placement={placement.kind}
      data-state={state}
      onClick={() => revealFinding(f)}
    >
      <div className="rf-head">
        <span className={`rf-sev rf-sev-${finding.severity}`}>{finding.severity}</span>
        <span className="rf-section">{sectionTitle}</span>
        <span className={`tag rf-label rf-label-${f.label}`}>{f.label}</span>
        {finding.offline && <span className="tag rf-offline">offline</span>}
        <span className="rf-pass" title={f.alsoFrom.length ? `Also reported by ${f.alsoFrom.map(passTitle).join(', ')}` : ''}>
          {passTitle(f.passId)}
          {f.alsoFrom.length > 0 && ` +${f.alsoFrom.length}`}
        </span>
      </div>
      {finding.quote.trim() ? (
        <button className="rf-quote" data-testid="review-finding-quote" title="Show in the text" onClick={(e) => (stop(e), revealFinding(f))}>
          {finding.quote}
        </button>
      ) : (
        <p className="rf-quote rf-quote-empty">Nothing to quote: something is missing from {sectionTitle}.</p>
      )}
      <p className="rf-problem" data-testid="review-finding-problem">
        {finding.problem}
      </p>
      <p className="rf-why">
        <span className="rf-label-text">Why an agent would guess: </span>
        {finding.whyAnAgentWouldGuess}
      </p>
      <p className="rf-suggestion">
        <span className="rf-label-text">Suggestion: </span>
        {finding.suggestion}
      </p>
      {finding.proposedText !== undefined && (
        <div className="rf-proposed">
          <span className="rf-label-text">{placement.kind === 'insert' ? 'Text to add' : 'Replacement'}</span>
          <pre>{finding.proposedText}</pre>
        </div>
      )}
      <div className="rf-foot">
        <span className="rf-place" data-testid="review-finding-placement">
          {state === 'applied' ? 'Applied' : state === 'dismissed' ? 'Dismissed' : placementText(placement, sectionTitle)}
          {/* The reason Apply is off, in words: a tooltip alone is invisible on touch and to most readers. */}
          {state === 'open' && blocker !== null && (
            <span className="rf-blocker" data-testid="review-apply-blocker">
              {' '}· Cannot apply: {blocker}
            </span>
          )}
        </span>
        <span className="rf-actions">
          {state === 'open' ? (
            <>
              <button data-testid="review-apply" disabled={blocker !== null} title={blocker ?? 'Replace the quoted text (one undoable edit)'} onClick={(e) => (stop(e), void applyFinding(f))}>
                Apply
              </button>
              <button data-testid="review-dismiss" onClick={(e) => (stop(e), void recordState(f, 'dismissed'))}>
                Dismiss
              </button>
              {placement.kind === 'located' && (
                <button data-testid="review-to-comment" title="Start a review thread on this text with the finding's rationale" onClick={(e) => (stop(e), void commentOnFinding(finding, placement.anchor.start, placement.anchor.end, false))}>
                  Comment
                </button>
              )}
              {placement.kind === 'located' && finding.proposedText !== undefined && (
                <button data-testid="review-to-suggestion" title="A suggestion thread replacing this text, with the finding's rationale" onClick={(e) => (stop(e), void commentOnFinding(finding, placement.anchor.start, placement.anchor.end, true))}>
                  Suggest
                </button>
              )}
            </>
          ) : (
            <button data-testid="review-reopen" onClick={(e) => (stop(e), void recordState(f, 'open'))} title={state === 'applied' ? 'Mark open again (the text stays; undo with Ctrl+Z in the pane)' : 'Show it again'}>
              Reopen
            </button>
          )}
        </span>
      </div>
    </li>
  );
}
