import type { SearchHit } from '../../../core/contract/ops/search.js';
import { searchCountText } from '../../../core/present/library-text.js';
import { SearchHitRow } from './LibraryForms.js';

/** Full-text hits, best first, each with its highlighted snippet. */
export function SearchResults({ hits, onOpen }: { hits: SearchHit[]; onOpen(specId: number): void }) {
  return (
    <section aria-label="Search results">
      <p className="muted" data-testid="search-count">
        {searchCountText(hits.length)}
      </p>
      <ul className="library-list">
        {hits.map((hit) => (
          <SearchHitRow key={hit.specId} hit={hit} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
