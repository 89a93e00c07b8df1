import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The one name a file has however it was reached: absolute, symlinks resolved. Two windows,
 * two ports or a symlinked checkout all arrive at the same string, which is what the store
 * keys a file's library spec by. A path that does not exist (yet) keeps its resolved folder.
 */
export async function canonicalPath(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const folder = await realpath(dirname(absolute)).catch(() => dirname(absolute));
    return join(folder, basename(absolute));
  }
}

/** True when something is at `path` now (a link whose file is gone points at a moved file). */
export async function fileExists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
