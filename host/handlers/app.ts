import { join } from 'node:path';
import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { samplesDir } from '../paths.js';
import { readSpecFile } from '../files/spec-file.js';

export function createAppHandlers(ctx: HostContext): Pick<Handlers, 'app.info' | 'app.initialDocument'> {
  return {
    'app.info': async () => ({ mode: ctx.mode, version: ctx.version, nativeDialogs: ctx.dialogs !== null, dataDir: ctx.dataDir }),
    'app.initialDocument': async () => readSpecFile(ctx.initialPath ?? join(samplesDir, 'magic-link.md')),
  };
}
