import type { DecisionStore } from '../decisions.js';
import type { SpecStore } from '../spec-store.js';
import type { ReviewThreadService } from '../../review-threads/service.js';
import type { Async, DecisionRepository, ReviewRepository, SpecRepository, StoreContract } from './store-contract.js';

/**
 * `target`'s methods as promises. A synchronous throw becomes a rejection, so callers of the
 * contract handle failures one way whichever dialect answers.
 */
function promised<T extends object>(target: T): Async<T> {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(obj, args);
    },
  }) as unknown as Async<T>;
}

/** The local library (SQLite) behind the store contract: the synchronous classes, unchanged. */
export function sqliteStoreContract(parts: { store: SpecStore; reviewThreads: ReviewThreadService; decisions: DecisionStore }): StoreContract {
  const specs = promised(parts.store) as unknown as SpecRepository;
  const reviews = promised(parts.reviewThreads) as unknown as ReviewRepository;
  const decisions = promised(parts.decisions) as unknown as DecisionRepository;
  return {
    dialect: 'sqlite',
    specs,
    reviews: () => reviews,
    decisions,
    close: async () => parts.store.close(),
  };
}
