import { SPEC_SORTS, SPEC_STATES } from '../../../core/present/library-text.js';
import type { SpecSort } from '../../../core/contract/ops/specs.js';
import type { LibraryFilters } from './use-library-filters.js';

interface Props {
  filters: LibraryFilters;
  direction: 'asc' | 'desc';
  statuses: string[];
  onChange(patch: Partial<LibraryFilters>): void;
}

/** Which specs the list shows (active, archived, trash), filtered by title and status, in which order. */
export function LibraryFilterBar({ filters, direction, statuses, onChange }: Props) {
  const descending = direction === 'desc';
  return (
    <>
      <div className="segmented library-states" role="group" aria-label="Show">
        {SPEC_STATES.map((s) => (
          <button key={s.id} aria-pressed={filters.state === s.id} onClick={() => onChange({ state: s.id })} data-testid={`library-state-${s.id}`}>
            {s.label}
          </button>
        ))}
      </div>
      <div className="library-filters">
        <input
          placeholder="Filter by title"
          aria-label="Filter by title"
          value={filters.titleText}
          onChange={(e) => onChange({ titleText: e.target.value })}
          data-testid="library-filter-title"
        />
        <select aria-label="Status" value={filters.status} onChange={(e) => onChange({ status: e.target.value })} data-testid="library-filter-status">
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Sort by" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as SpecSort, reversed: false })} data-testid="library-sort">
          {SPEC_SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <button
          onClick={() => onChange({ reversed: !filters.reversed })}
          aria-label={`Order: ${descending ? 'descending' : 'ascending'}; reverse it`}
          title={`${descending ? 'Descending' : 'Ascending'}: click to reverse`}
          aria-pressed={filters.reversed}
          data-testid="library-sort-direction"
        >
          {descending ? '↓' : '↑'}
        </button>
      </div>
    </>
  );
}
