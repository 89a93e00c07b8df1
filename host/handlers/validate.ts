import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';

/** The Validate panel's operation (issue 12 FR-7); the work is the host's ValidateService. */
export function createValidateHandlers(ctx: HostContext): Pick<Handlers, 'validate.run'> {
  return {
    'validate.run': async (args) => ctx.validator.run(args),
  };
}
