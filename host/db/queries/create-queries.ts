import type { Database } from 'better-sqlite3';
import { createDraftQueries } from './drafts.js';
import { createFileLinkQueries } from './file-links.js';
import { createFindingStateQueries } from './finding-states.js';
import { createSearchQueries } from './search.js';
import { createSpecQueries } from './specs.js';
import { createValidationRunQueries } from './validation-runs.js';
import { createVersionQueries } from './versions.js';

/** Every domain's prepared statements for one connection; prepared once at open. */
export function createQueries(db: Database) {
  return {
    specs: createSpecQueries(db),
    versions: createVersionQueries(db),
    drafts: createDraftQueries(db),
    search: createSearchQueries(db),
    findingStates: createFindingStateQueries(db),
    fileLinks: createFileLinkQueries(db),
    validationRuns: createValidationRunQueries(db),
  };
}

export type Queries = ReturnType<typeof createQueries>;
