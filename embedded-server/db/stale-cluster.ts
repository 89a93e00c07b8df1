import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import { isAlive, postmasterPid } from './postmaster.js';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Makes a persistent data dir startable after a crash. `postmaster.pid` names the postmaster that
 * owned it: if that process is gone or is something else now (pid reused), the lock is stale and
 * removed; if it is a postgres on this dir whose parent died (reparented to pid 1), it is an
 * orphan of a crashed server and is stopped; a postgres with a live parent is a server still
 * using the dir, which is an error rather than something to kill.
 */
export async function releaseStaleLock(dataDir: string, logger: Logger): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const pid = await postmasterPid(dataDir);
  if (pid === null) {
    await rm(lockFile, { force: true });
    return;
  }
  if (!isAlive(pid)) {
    logger.warn({ pid }, 'removing stale postmaster.pid');
    await rm(lockFile, { force: true });
    return;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  // Without /proc there is no telling; postgres itself refuses a live owner, which is the safe answer.
  if (cmdline === null) return;
  if (!(cmdline.includes('postgres') && cmdline.includes(dataDir))) {
    logger.warn({ pid }, 'removing postmaster.pid of a reused pid');
    await rm(lockFile, { force: true });
    return;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
  if (ppid !== 1) throw new DataDirInUseError(`data dir ${dataDir} is in use by PostgreSQL pid ${pid}`);
  logger.warn({ pid }, 'stopping orphaned PostgreSQL left by a crashed server');
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 5_000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 2_000);
  }
  await rm(lockFile, { force: true });
}


async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}
