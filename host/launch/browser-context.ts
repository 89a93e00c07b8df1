import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostContext } from '../handlers/context.js';
import { appRoot, defaultDataDir } from '../paths.js';
import type { ComputePool } from '../compute/compute-pool.js';
import { createHostServices } from '../services.js';

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The handler context of browser mode with its services: no native dialogs, no key vault, data
 * in $SPECBENCH_HOME or ~/.specbench. Whoever calls this owns the services and disposes them
 * (`disposeHostServices(context)`) on shutdown.
 */
export function createBrowserContext(options: {
  initialPath: string | null;
  emit: HostContext['emit'];
  /** Where SPECBENCH_HOME is read (default: process.env). */
  env?: Record<string, string | undefined>;
  /** Where the review service reads ANTHROPIC_API_KEY (default: process.env). */
  reviewEnv?: Record<string, string | undefined>;
  /** A compute pool with other budgets (tests); default the services' own. */
  compute?: ComputePool;
}): HostContext {
  const dataDir = defaultDataDir(options.env);
  return {
    mode: 'browser',
    version: appVersion(),
    dataDir,
    initialPath: options.initialPath,
    dialogs: null,
    emit: options.emit,
    ...createHostServices({ dataDir, emit: options.emit, reviewEnv: options.reviewEnv, compute: options.compute }),
  };
}
