import type { PgStore } from '../../store/pg/pg-store.js';
import { fromCallerOps, type TeamHandlers } from './registry.js';
import { teamDecisionOps } from './decision-ops.js';
import { readingHandlers } from './reading.js';
import { reviewHandlers } from './review.js';
import { specHandlers } from './specs.js';
import { versionHandlers } from './versions.js';

/**
 * Every team handler, one spread per domain file. The decision operations (adr.*, meeting.*,
 * metrics.*, lifecycle.set, specRequired.*) are built over the store and record the signed-in
 * account as their actor.
 */
export function teamHandlers(store: PgStore): TeamHandlers {
  return {
    ...readingHandlers,
    ...specHandlers,
    ...versionHandlers,
    ...reviewHandlers,
    ...fromCallerOps(teamDecisionOps(store)),
  };
}
