import { resolve } from 'node:path';
import type { Handlers } from './dispatch.js';
import type { HostContext } from './context.js';
import { HostError } from '../common/host-error.js';
import { readSpecFile, writeSpecFile } from '../files/spec-file.js';

type FileHandlers = Pick<Handlers, 'files.read' | 'files.write' | 'files.openDialog' | 'files.saveDialog' | 'files.folderDialog'>;

export function createFileHandlers(ctx: HostContext): FileHandlers {
  const dialogs = () => {
    if (!ctx.dialogs) throw new HostError('UNSUPPORTED', 'native dialogs exist only in the desktop app');
    return ctx.dialogs;
  };
  return {
    'files.read': async ({ path }) => readSpecFile(resolve(path)),
    'files.write': async ({ path, content, bom }) => writeSpecFile(resolve(path), content, bom),
    'files.openDialog': async () => {
      const path = await dialogs().open();
      return path ? readSpecFile(path) : null;
    },
    'files.saveDialog': async ({ defaultName }) => {
      const path = await dialogs().save(defaultName);
      return path ? { path } : null;
    },
    'files.folderDialog': async () => {
      const path = await dialogs().folder();
      return path ? { path } : null;
    },
  };
}
