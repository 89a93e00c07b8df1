import { useState } from 'react';
import { client } from '../client/current.js';
import { useWorkbench } from '../state/store.js';
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

  const restoreLatestBackup = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const info = await client().call('store.info', {});
      const latest = info.backups[0];
      if (!latest) {
        setProblem(`No backup was found in ${info.backupsDir}.`);
        return;
      }
      const when = new Date(latest.modifiedAt).toLocaleString();
      if (!window.confirm(`Replace the damaged database with the backup from ${when}?\n\n${latest.path}\n\nThe damaged file is renamed aside, never deleted.`)) return;
      const restored = await client().call('store.restoreBackup', { path: latest.path });
      useWorkbench
        .getState()
        .notify('info', `Restored the library from ${restored.restoredFrom}.${restored.movedAside.length ? ` The damaged file was moved to ${restored.movedAside.join(', ')}.` : ''}`);
      window.dispatchEvent(new CustomEvent('specbench:versioned'));
      onRetry();
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
          <button disabled={busy} onClick={() => void restoreLatestBackup()} data-testid="restore-backup">
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
