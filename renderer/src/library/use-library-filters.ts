import { useState } from 'react';
import type { SpecSort, SpecState } from '../../../core/contract/ops/specs.js';
import { sortDirection } from '../../../core/present/library-text.js';
import { useDebounced } from './panel-hooks.js';
import type { LibraryQuery } from './use-library-listing.js';

export interface LibraryFilters {
  state: SpecState;
  sort: SpecSort;
  reversed: boolean;
  status: string;
  /** As typed; the query uses it once typing settles. */
  titleText: string;
  searchText: string;
}

/**
 * The Library panel's filters as the user sets them, and the query they make (text filters
 * debounced, the sort's direction resolved). Local to the panel: a new panel starts afresh.
 */
export function useLibraryFilters() {
  const [filters, setFilters] = useState<LibraryFilters>({ state: 'active', sort: 'lastEdited', reversed: false, status: '', titleText: '', searchText: '' });
  const titleContains = useDebounced(filters.titleText.trim());
  const search = useDebounced(filters.searchText.trim());
  const direction = sortDirection(filters.sort, filters.reversed);
  const query: LibraryQuery = { state: filters.state, sort: filters.sort, direction, status: filters.status, titleContains, search };
  const update = (patch: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return { filters, query, update };
}
