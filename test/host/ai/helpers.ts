import { tempDir as sharedTempDir } from '../../support/temp-dir.js';
import { createTestService } from './harness.js';

export { EventLog, modelFinding, type LoggedEvent } from './harness.js';

/** A fresh folder removed after the test file. */
export function tempDir(prefix = 'specbench-ai-'): string {
  return sharedTempDir(prefix);
}

/** A service pointed at the stand-in, with its data in a temporary folder unless one is given. */
export function serviceFor(options: Omit<Parameters<typeof createTestService>[0], 'dataDir'> & { dataDir?: string }) {
  return createTestService({ ...options, dataDir: options.dataDir ?? tempDir() });
}
