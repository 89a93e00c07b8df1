import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import type { VersionDetail } from '../../../core/contract/ops/versions.js';
import { client } from '../client/current.js';
import { toPanelError, type PanelError } from './store-errors.js';

export interface LoadedDiff {
  diff: ResultOf<'versions.diff'>;
  before: VersionDetail;
  after: VersionDetail;
}

/** The semantic diff of two versions of a spec and both full texts, loaded together. */
export function useVersionDiff(specId: number, older: number, newer: number) {
  const [data, setData] = useState<LoadedDiff | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    Promise.all([
      client().call('versions.diff', { specId, from: older, to: newer }),
      client().call('versions.get', { specId, number: older }),
      client().call('versions.get', { specId, number: newer }),
    ]).then(
      ([diff, before, after]) => !cancelled && setData({ diff, before, after }),
      (failure: unknown) => !cancelled && setError(toPanelError(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [specId, older, newer, attempt]);

  return { data, error, retry };
}
