import { writeTransaction, type StoreSession } from './session.js';

/**
 * Indexes queued contents for full-text search, a batch per transaction so no write lock is
 * held for long. Saves queue their text (a trigger on `contents`) instead of indexing it
 * inline: FTS5 tokenising a 200 KB spec costs more than the rest of the save together.
 * Returns how many contents were indexed.
 */
export function flushSearchIndex(s: StoreSession, batch = 50): number {
  let total = 0;
  for (;;) {
    const done = writeTransaction(s, () => {
      const ids = s.q.search.pending(batch);
      for (const id of ids) s.q.search.index(id);
      return ids.length;
    });
    total += done;
    if (done < batch) return total;
  }
}
