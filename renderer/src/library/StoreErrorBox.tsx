import { useState } from 'react';
import { restoreLatestBackup } from './library-actions.js';
import { adviceFor, toPanelError, type PanelError } from './store-errors.js';

interface Props {
  error: PanelError;
  /** Runs the failed listing again (after a restore, or when the user asks). */
  onRetry(): void;
}

/** A store failure inside a panel: the host's message, what to do, and for a damaged file a backup restore. */
export function StoreErrorBox({ error, onRetry }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onRestoreBackup = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { restored, problem: why } = await restoreLatestBackup();
      if (why) setProblem(why);
      if (restored) onRetry();
    } catch (failure) {
      setProblem(toPanelError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="store-error" role="alert" data-testid="store-error" data-code={error.code}>
      <strong>The library cannot be used right now</strong>
      <p className="store-error-message">{error.message}</p>
      <p className="muted">{adviceFor(error.code)}</p>
      <div className="store-error-actions">
        {error.code === 'DB_CORRUPT' && (
          <button disabled={busy} onClick={() => void onRestoreBackup()} data-testid="restore-backup">
            Restore latest backup
          </button>
        )}
        <button disabled={busy} onClick={onRetry}>
          Try again
        </button>
      </div>
      {problem && <p className="store-error-message">{problem}</p>}
    </div>
  );
}
