import { useCallback, useEffect, useState } from 'react';
import { historySummary, toggleCompared } from '../../../core/present/library-text.js';
import { DiffView } from '../library/DiffView.js';
import { exportSpec, restoreVersion } from '../library/library-actions.js';
import { useNow } from '../library/panel-hooks.js';
import { StoreErrorBox } from '../library/StoreErrorBox.js';
import { useHistory } from '../library/use-history.js';
import { VersionRow } from '../library/VersionRow.js';
import { useValidationRuns, validationLine } from '../library/use-validation-runs.js';
import './library.css';

function NoHistory() {
  return (
    <div className="history" data-testid="history">
      <p data-testid="history-empty">
        <strong>Save to start the history.</strong>
      </p>
      <p className="muted">This document is not in the library yet. Saving it (Ctrl/Cmd+S) records version 1; every save after that adds a version.</p>
    </div>
  );
}

/** The open spec's versions, newest first, with what changed; restore one, or compare two in a diff editor. */
export function HistoryPanel() {
  const { specId, versions, error, retry, fail } = useHistory();
  const [selected, setSelected] = useState<number[]>([]);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const validations = useValidationRuns(specId, versions);

  useEffect(() => {
    setSelected([]);
    setCompare(null);
  }, [specId]);

  const closeCompare = useCallback(() => setCompare(null), []);

  if (specId === null) return <NoHistory />;

  const onRestore = async (number: number) => {
    setBusy(true);
    try {
      await restoreVersion(specId, number);
      setSelected([]);
    } catch (failure) {
      fail(failure);
      retry();
    } finally {
      setBusy(false);
    }
  };
  const onExport = (number: number) => exportSpec(specId, number).catch(fail);

  const pair = [...selected].sort((a, b) => a - b);
  const newest = versions?.[0]?.number ?? null;

  return (
    <div className="history" data-testid="history">
      <div className="history-toolbar">
        <span className="muted">{historySummary(versions?.length ?? null)}</span>
        <button disabled={pair.length !== 2} onClick={() => setCompare({ from: pair[0], to: pair[1] })} data-testid="history-compare">
          {pair.length === 2 ? `Compare v${pair[0]} ↔ v${pair[1]}` : 'Compare'}
        </button>
      </div>
      {error && <StoreErrorBox error={error} onRetry={retry} />}
      <ol className="version-list">
        {versions?.map((v) => (
          <VersionRow
            key={v.id}
            version={v}
            isNewest={v.number === newest}
            selected={selected.includes(v.number)}
            busy={busy}
            now={now}
            validation={validations.has(v.contentHash) ? validationLine(validations.get(v.contentHash)!) : null}
            onToggle={() => setSelected((current) => toggleCompared(current, v.number))}
            onRestore={() => void onRestore(v.number)}
            onDiffPrevious={() => setCompare({ from: v.number - 1, to: v.number })}
            onExport={() => void onExport(v.number)}
          />
        ))}
      </ol>
      {compare && <DiffView specId={specId} from={compare.from} to={compare.to} onClose={closeCompare} />}
    </div>
  );
}
