import { constants } from 'node:fs';
import { copyFile, lstat, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errnoCode, fsError } from '../common/fs-error.js';

/** Where working copies of the bundled samples live inside a data folder. */
export function workingDirOf(dataDir: string): string {
  return join(dataDir, 'working');
}

/**
 * The user's own copy of a bundled sample, `<dataDir>/working/<name>`: created from the sample
 * the first time and never overwritten afterwards, so the user's edits survive restarts and the
 * tracked sample in the repository (or app bundle) is never saved over.
 */
export async function ensureWorkingCopy(dataDir: string, samplePath: string): Promise<string> {
  const target = join(workingDirOf(dataDir), basename(samplePath));
  const exists = await lstat(target).then(() => true, () => false);
  if (exists) return target;
  try {
    await mkdir(workingDirOf(dataDir), { recursive: true });
    // COPYFILE_EXCL: two windows starting at once must not overwrite each other's fresh copy.
    await copyFile(samplePath, target, constants.COPYFILE_EXCL);
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw fsError(error, `cannot create a working copy of ${basename(samplePath)} in ${workingDirOf(dataDir)}`, 'WRITE_FAILED');
  }
  return target;
}
