import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../core/contract/ops/search.js';
import type { SpecListItem, SpecSort, SpecState } from '../../../core/contract/ops/specs.js';
import { COMMON_STATUSES, mergeStatuses } from '../../../core/present/library-text.js';
import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { usePanelFailure } from './panel-hooks.js';
import { isStoreError, toPanelError, type PanelError } from './store-errors.js';

export interface LibraryQuery {
  state: SpecState;
  sort: SpecSort;
  direction: 'asc' | 'desc';
  /** Empty: any status. */
  status: string;
  /** Empty: no title filter. */
  titleContains: string;
  /** Empty: no full-text search. */
  search: string;
}

export interface LibraryListing {
  specs: SpecListItem[] | null;
  /** Full-text hits, or null when there is no search. */
  hits: SearchHit[] | null;
  /** A store failure the panel shows until a listing succeeds. */
  error: PanelError | null;
  /** Every status seen so far, for the status filter. */
  statuses: string[];
  /** Lists again (the Try again button). */
  retry(): void;
  /** Shows an action's failure: store errors in the panel, others as a notice. */
  fail(failure: unknown): void;
}

/**
 * The library listing and search for a query, listed again whenever the store's
 * `libraryRevision` moves (a save, an autosave, a rename…). Only the newest request's answer
 * counts, so fast typing never shows an older result.
 */
export function useLibraryListing(query: LibraryQuery): LibraryListing {
  const { state, sort, direction, status, titleContains, search } = query;
  const revision = useWorkbench((s) => s.libraryRevision);
  const [specs, setSpecs] = useState<SpecListItem[] | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [statuses, setStatuses] = useState<string[]>(COMMON_STATUSES);
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);
  const fail = usePanelFailure(setError);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const id = ++request.current;
    const listing = client().call('specs.list', {
      state,
      sort,
      direction,
      ...(status ? { status } : {}),
      ...(titleContains ? { titleContains } : {}),
    });
    const searching = search ? client().call('search.query', { query: search, limit: 50 }) : Promise.resolve(null);
    Promise.all([listing, searching]).then(
      ([list, found]) => {
        if (id !== request.current) return;
        setError(null);
        setSpecs(list.specs);
        setHits(found?.hits ?? null);
        setStatuses((known) => mergeStatuses(known, list.specs.map((s) => s.status)));
        announce('specbench:library-listed');
      },
      (failure: unknown) => {
        if (id !== request.current) return;
        const e = toPanelError(failure);
        // A malformed search (an unclosed quote…) is the query's problem, not the library's.
        if (!isStoreError(e) && search) {
          setHits([]);
          useWorkbench.getState().notify('warning', `Search: ${e.message}`);
          return;
        }
        fail(failure);
      },
    );
  }, [state, sort, direction, status, titleContains, search, revision, attempt, fail]);

  return { specs, hits, error, statuses, retry, fail };
}
