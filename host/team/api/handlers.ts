import type { PgStore } from '../../store/pg/pg-store.js';
import type { TeamHandlers } from './registry.js';
import { readingHandlers } from './reading.js';
import { reviewHandlers } from './review.js';
import { specHandlers } from './specs.js';
import { versionHandlers } from './versions.js';

/**
 * Every team handler, one spread per domain file. The decision operations (adr.*, meeting.*,
 * metrics.*, lifecycle.set, specRequired.*) join with one import and one spread:
 * `...fromCallerOps(teamDecisionOps(store))` from `./decision-ops.js`; until then the API answers
 * them 501 NOT_IMPLEMENTED. `store` is there for such modules, built over the store.
 */
export function teamHandlers(store: PgStore): TeamHandlers {
  void store;
  return {
    ...readingHandlers,
    ...specHandlers,
    ...versionHandlers,
    ...reviewHandlers,
  };
}
