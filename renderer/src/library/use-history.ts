import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionInfo } from '../../../core/contract/ops/versions.js';
import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { usePanelFailure } from './panel-hooks.js';
import type { PanelError } from './store-errors.js';

export interface History {
  /** The open document's library spec, or null before its first save. */
  specId: number | null;
  /** Newest first; null while loading. */
  versions: VersionInfo[] | null;
  error: PanelError | null;
  retry(): void;
  fail(failure: unknown): void;
}

/**
 * The open spec's versions, listed again when another spec opens, when this editor's head
 * version moves, or when the store's `versionsRevision` does (a save, a restore, a backup).
 */
export function useHistory(): History {
  const specId = useWorkbench((s) => s.library?.specId ?? null);
  const headVersionId = useWorkbench((s) => s.library?.headVersionId ?? null);
  const revision = useWorkbench((s) => s.versionsRevision);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);
  const fail = usePanelFailure(setError);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => setVersions(null), [specId]);

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
          announce('specbench:history-listed', list.length);
        },
        (failure: unknown) => id === request.current && fail(failure),
      );
  }, [specId, headVersionId, revision, attempt, fail]);

  return { specId, versions, error, retry, fail };
}
