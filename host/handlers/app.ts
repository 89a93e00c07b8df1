import { join } from 'node:path';
import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { samplesDir } from '../paths.js';
import { readSpecFile } from '../files/spec-file.js';
import { ensureWorkingCopy } from '../files/working-copy.js';

export function createAppHandlers(ctx: HostContext): Pick<Handlers, 'app.info' | 'app.initialDocument'> {
  return {
    'app.info': async () => ({ mode: ctx.mode, version: ctx.version, nativeDialogs: ctx.dialogs !== null, dataDir: ctx.dataDir }),
    // Without a file named at start-up, the sample opens as a working copy in the data folder:
    // saving must never edit the tracked sample in place (FR-8).
    'app.initialDocument': async () => readSpecFile(ctx.initialPath ?? (await ensureWorkingCopy(ctx.dataDir, join(samplesDir, 'magic-link.md')))),
  };
}
