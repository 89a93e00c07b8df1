import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { changeLinesOf } from '../../../core/diff/describe.js';
import { client } from '../client/current.js';
import { DiffView } from '../library/DiffView.js';
import { exportSpec, restoreVersion } from '../library/library-actions.js';
import { useNow, useWindowEvents, usePanelFailure } from '../library/panel-hooks.js';
import { relativeTime } from '../library/relative-time.js';
import { readinessTone } from '../library/SpecRow.js';
import { StoreErrorBox } from '../library/StoreErrorBox.js';
import type { PanelError } from '../library/store-errors.js';
import { useWorkbench } from '../state/store.js';
import './library.css';

const REFRESH_EVENTS = ['specbench:versioned'] as const;

/** The open spec's versions, newest first, with what changed; restore one, or compare two in a diff editor. */
export function HistoryPanel() {
  const specId = useWorkbench((s) => s.library?.specId ?? null);
  const headVersionId = useWorkbench((s) => s.library?.headVersionId ?? null);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const now = useNow();
  const request = useRef(0);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useWindowEvents(REFRESH_EVENTS, refresh);

  const fail = usePanelFailure(setError);

  useEffect(() => {
    setSelected([]);
    setVersions(null);
    setCompare(null);
  }, [specId]);

  useEffect(() => {
    if (specId === null) return;
    const id = ++request.current;
    client()
      .call('versions.list', { specId })
      .then(
        ({ versions: list }) => {
          if (id !== request.current) return;
          setError(null);
          setVersions(list);
          window.dispatchEvent(new CustomEvent('specbench:history-listed', { detail: list.length }));
        },
        (failure: unknown) => id === request.current && fail(failure),
      );
  }, [specId, headVersionId, reload, fail]);

  const toggle = (n: number) =>
    setSelected((current) => (current.includes(n) ? current.filter((x) => x !== n) : [...current, n].slice(-2)));

  const onRestore = async (number: number) => {
    if (specId === null) return;
    setBusy(true);
    try {
      await restoreVersion(specId, number);
      setSelected([]);
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const onExport = async (number: number) => {
    if (specId === null) return;
    try {
      await exportSpec(specId, number);
    } catch (failure) {
      fail(failure);
    }
  };

  const closeCompare = useCallback(() => setCompare(null), []);

  if (specId === null) {
    return (
      <div className="history" data-testid="history">
        <p data-testid="history-empty">
          <strong>Save to start the history.</strong>
        </p>
        <p className="muted">This document is not in the library yet. Saving it (Ctrl/Cmd+S) records version 1; every save after that adds a version.</p>
      </div>
    );
  }

  const pair = [...selected].sort((a, b) => a - b);
  const newest = versions?.[0]?.number ?? null;

  return (
    <div className="history" data-testid="history">
      <div className="history-toolbar">
        <span className="muted">
          {versions === null
            ? 'Loading…'
            : `${versions.length} ${versions.length === 1 ? 'version' : 'versions'}${versions.length > 1 ? ' · tick two to compare' : ''}`}
        </span>
        <button disabled={pair.length !== 2} onClick={() => setCompare({ from: pair[0], to: pair[1] })} data-testid="history-compare">
          {pair.length === 2 ? `Compare v${pair[0]} ↔ v${pair[1]}` : 'Compare'}
        </button>
      </div>
      {error && <StoreErrorBox error={error} onRetry={refresh} />}
      <ol className="version-list">
        {versions?.map((v) => (
          <li key={v.id} className="version-row" data-testid="version" data-number={v.number} data-hash={v.contentHash}>
            <input
              type="checkbox"
              className="version-select"
              checked={selected.includes(v.number)}
              onChange={() => toggle(v.number)}
              aria-label={`Select version ${v.number} to compare`}
              data-testid="version-select"
            />
            <div className="version-body">
              <div className="version-head">
                <strong>v{v.number}</strong>
                {v.number === newest && <span className="tag tag-accent">newest</span>}
                {v.restoredFrom !== null && <span className="tag tag-muted">restored from v{v.restoredFrom}</span>}
                {v.readiness !== null && <span className={`readiness readiness-${readinessTone(v.readiness)}`}>Readiness {Math.round(v.readiness)}</span>}
              </div>
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
                <button disabled={busy || v.number === newest} onClick={() => void onRestore(v.number)} data-testid="version-restore" title="Save a new version with this text and open it">
                  Restore
                </button>
                {v.number > 1 && (
                  <button onClick={() => setCompare({ from: v.number - 1, to: v.number })} data-testid="version-diff-previous">
                    Diff with v{v.number - 1}
                  </button>
                )}
                <button onClick={() => void onExport(v.number)} data-testid="version-export">
                  Export
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      {compare && <DiffView specId={specId} from={compare.from} to={compare.to} onClose={closeCompare} />}
    </div>
  );
}
