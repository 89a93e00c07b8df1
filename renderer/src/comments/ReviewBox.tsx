import { useState } from 'react';
import type { RoundStatus } from '../../../core/contract/ops/review-threads.js';
import type { Verdict } from './comments-store.js';

const VERDICTS: Array<[Verdict, string]> = [
  ['comment', 'Comment'],
  ['approve', 'Approve'],
  ['request-changes', 'Request changes'],
];

/** Verdicts per reviewer (stale ones flagged), the meeting countdown, and — for a reviewer — submitting the review once. */
export function ReviewBox({ reviewer, status, onSubmit }: { reviewer: boolean; status: RoundStatus | null; onSubmit: (verdict: Verdict, body: string) => Promise<boolean> }) {
  const [verdict, setVerdict] = useState<Verdict>('comment');
  const [body, setBody] = useState('');
  return (
    <section className="review-box" data-testid="review-box">
      {status?.warning && <p className="comments-warning">⚠ {status.warning}</p>}
      {status?.hoursToMeeting != null && status.hoursToMeeting >= 0 && <p className="muted">Meeting in {Math.floor(status.hoursToMeeting)} h {Math.floor((status.hoursToMeeting % 1) * 60)} min</p>}
      {status && status.reviewers.some((r) => r.verdict) && (
        <ul className="verdicts">
          {status.reviewers
            .filter((r) => r.verdict)
            .map((r) => (
              <li key={r.person.id} data-testid="verdict-row" data-stale={r.stale}>
                <strong>{r.person.name}</strong>: <span data-testid="verdict">{r.verdict}</span> on v{r.versionNumber ?? '?'}
                {r.stale && <span className="badge badge-blocking" title={`changed since: ${r.changed.join(', ')}`}>stale</span>}
              </li>
            ))}
        </ul>
      )}
      {status && (
        <p className="muted" data-testid="round-counts">
          {status.openThreads} open · {status.openBlocking} blocking · {status.outdated} outdated
        </p>
      )}
      {reviewer && (
        <form
          className="review-submit"
          onSubmit={(e) => {
            e.preventDefault();
            void onSubmit(verdict, body).then((ok) => ok && setBody(''));
          }}
        >
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} aria-label="Verdict" data-testid="review-verdict">
            {VERDICTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <input value={body} onChange={(e) => setBody(e.target.value)} placeholder="Summary (optional)" aria-label="Review summary" />
          <button type="submit" className="primary" data-testid="review-submit">
            Submit review
          </button>
        </form>
      )}
    </section>
  );
}
