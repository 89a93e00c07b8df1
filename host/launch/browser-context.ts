import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostContext } from '../handlers/context.js';
import { appRoot, defaultDataDir } from '../paths.js';
import { createSpecStore } from '../store/spec-store.js';
import { ComputePool } from '../compute/compute-pool.js';

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The handler context of browser mode: no native dialogs, data in $SPECBENCH_HOME or ~/.specbench. */
export function createBrowserContext(options: { initialPath: string | null; emit: HostContext['emit']; env?: Record<string, string | undefined> }): HostContext {
  const dataDir = defaultDataDir(options.env);
  return {
    mode: 'browser',
    version: appVersion(),
    dataDir,
    store: createSpecStore(dataDir),
    compute: new ComputePool(),
    initialPath: options.initialPath,
    dialogs: null,
    emit: options.emit,
  };
}
