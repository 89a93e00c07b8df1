import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';

/** The Validate panel's operations (issue 12 FR-7); the work is the host's ValidateService and store. */
export function createValidateHandlers(ctx: HostContext): Pick<Handlers, 'validate.run' | 'validate.runs'> {
  return {
    'validate.run': async (args) => ctx.validator.run(args),
    'validate.runs': async ({ specId }) => {
      // One newest run per distinct content (a restored version shares its text, and its result).
      const hashes = [...new Set(ctx.store.listVersions(specId).map((v) => v.contentHash))];
      const runs = hashes.flatMap((hash) => ctx.store.listValidationRuns(specId, hash).slice(0, 1));
      return { runs: runs.map((r) => ({ contentHash: r.contentHash, passed: r.passed, total: r.total, mutation: r.mutation, createdAt: r.createdAt })) };
    },
  };
}
