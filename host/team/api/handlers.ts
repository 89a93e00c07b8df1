import type { TeamHandlers } from './registry.js';
import { readingHandlers } from './reading.js';
import { reviewHandlers } from './review.js';
import { specHandlers } from './specs.js';
import { versionHandlers } from './versions.js';

/**
 * Every team handler, one spread per domain file. The decision operations (adr.*, meeting.*,
 * metrics.*, lifecycle.set, specRequired.*) join with one import and one spread of
 * `decision-ops.ts`; until then the API answers them 501 NOT_IMPLEMENTED.
 */
export const teamHandlers: TeamHandlers = {
  ...readingHandlers,
  ...specHandlers,
  ...versionHandlers,
  ...reviewHandlers,
};
