import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { changeLinesOf } from '../../../core/diff/describe.js';
import { readinessTone } from '../../../core/present/library-text.js';
import { relativeTime } from '../../../core/present/relative-time.js';

interface Props {
  version: VersionInfo;
  isNewest: boolean;
  selected: boolean;
  busy: boolean;
  now: number;
  /** The newest validation run of this version's text, as one line ("10/10 passed, mutation score 12/12"). */
  validation?: string | null;
  onToggle(): void;
  onRestore(): void;
  onDiffPrevious(): void;
  onExport(): void;
}

/** One version: who saved it and when, what changed (sections, requirement ids), and its actions. */
export function VersionRow({ version: v, isNewest, selected, busy, now, validation, onToggle, onRestore, onDiffPrevious, onExport }: Props) {
  return (
    <li className="version-row" data-testid="version" data-number={v.number} data-hash={v.contentHash}>
      <input
        type="checkbox"
        className="version-select"
        checked={selected}
        onChange={onToggle}
        aria-label={`Select version ${v.number} to compare`}
        data-testid="version-select"
      />
      <div className="version-body">
        <div className="version-head">
          <strong>v{v.number}</strong>
          {isNewest && <span className="tag tag-accent">newest</span>}
          {v.restoredFrom !== null && <span className="tag tag-muted">restored from v{v.restoredFrom}</span>}
          {v.readiness !== null && <span className={`readiness readiness-${readinessTone(v.readiness)}`}>Readiness {Math.round(v.readiness)}</span>}
        </div>
        {validation && (
          <div className="version-validation" data-testid="version-validation">
            v{v.number}: {validation}
          </div>
        )}
        <div className="version-message" data-testid="version-message">
          {v.message || <span className="muted">no message</span>}
        </div>
        <div className="version-meta muted">
          {v.author} · <span title={new Date(v.createdAt).toLocaleString()}>{relativeTime(v.createdAt, now)}</span>
        </div>
        {v.number === 1 ? (
          <p className="muted change-none">First version.</p>
        ) : changeLinesOf(v).length === 0 ? (
          <p className="muted change-none">No change to sections, requirements or edge cases.</p>
        ) : (
          <ul className="change-lines">
            {changeLinesOf(v).map((line) => (
              <li key={line} data-testid="change-line">
                {line}
              </li>
            ))}
          </ul>
        )}
        <div className="version-actions">
          <button disabled={busy || isNewest} onClick={onRestore} data-testid="version-restore" title="Save a new version with this text and open it">
            Restore
          </button>
          {v.number > 1 && (
            <button onClick={onDiffPrevious} data-testid="version-diff-previous">
              Diff with v{v.number - 1}
            </button>
          )}
          <button onClick={onExport} data-testid="version-export">
            Export
          </button>
        </div>
      </div>
    </li>
  );
}
