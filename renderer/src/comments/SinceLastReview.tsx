import { useCallback, useState } from 'react';
import type { RoundStatus } from '../../../core/contract/ops/review-threads.js';
import { DiffView } from '../library/DiffView.js';

type ReviewerRow = RoundStatus['reviewers'][number];

/** A reviewer's row: who, the version they last reviewed, and the requirement ids changed since (by semantic diff). */
function ReviewerSince({ row, head, mine, onOpen }: { row: ReviewerRow; head: number; mine: boolean; onOpen(from: number): void }) {
  const from = row.versionNumber!;
  const whose = mine ? 'your' : `${row.person.name}’s`;
  if (from >= head) {
    return (
      <li data-testid="since-row" data-person={row.person.id}>
        <span className="muted">No changes since {whose} last review (v{from})</span>
      </li>
    );
  }
  return (
    <li data-testid="since-row" data-person={row.person.id}>
      <button onClick={() => onOpen(from)} data-testid={mine ? 'since-mine' : 'since-open'}>
        Changes since {whose} last review (v{from} → v{head})
      </button>
      {row.changed.length > 0 ? (
        <ul className="since-changed" aria-label="Changed requirements">
          {row.changed.map((id) => (
            <li key={id} data-testid="since-changed">
              <code>{id}</code>
            </li>
          ))}
        </ul>
      ) : (
        <span className="muted"> no requirement changed</span>
      )}
    </li>
  );
}

/**
 * "Changes since your last review": per reviewer with a submitted verdict, the version they
 * reviewed → the head, opening the library's version diff (the same DiffView History uses).
 * The current profile's row comes first; a reviewer who has not reviewed yet gets no row.
 */
export function SinceLastReview({ specId, status, profileId }: { specId: number; status: RoundStatus | null; profileId: string | null }) {
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const close = useCallback(() => setCompare(null), []);
  if (!status) return null;
  const reviewed = status.reviewers
    .filter((r) => r.verdict !== null && r.versionNumber !== null)
    .sort((a, b) => Number(b.person.id === profileId) - Number(a.person.id === profileId));
  if (reviewed.length === 0) return null;
  const head = status.headVersion;
  return (
    <section className="since-review" data-testid="since-review">
      <ul>
        {reviewed.map((row) => (
          <ReviewerSince key={row.person.id} row={row} head={head} mine={row.person.id === profileId} onOpen={(from) => setCompare({ from, to: head })} />
        ))}
      </ul>
      {compare && <DiffView specId={specId} from={compare.from} to={compare.to} onClose={close} />}
    </section>
  );
}
