import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../log.js';
import { isAlive, postmasterPid } from './postmaster.js';

export const TEMP_PREFIX = 'specbench-pg-';
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/**
 * A server killed with SIGKILL cannot delete its temporary cluster. Later starts remove such
 * folders: older than ten minutes (so never one being set up right now) and with no live
 * postmaster. Best effort: any error just leaves the folder.
 */
export async function sweepAbandonedTempClusters(logger: Logger): Promise<void> {
  const entries = await readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(TEMP_PREFIX) || entry.startsWith(`${TEMP_PREFIX}template-`)) continue;
    const dir = path.join(os.tmpdir(), entry);
    try {
      if (Date.now() - (await stat(dir)).mtimeMs < ABANDONED_AFTER_MS) continue;
      const pid = await postmasterPid(path.join(dir, 'data'));
      if (pid !== null && isAlive(pid)) continue;
      await rm(dir, { recursive: true, force: true });
      logger.info({ dir }, 'removed an abandoned temporary PostgreSQL cluster');
    } catch {
      // Someone else's or already gone.
    }
  }
}
