import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or packaged app) root, found from this file rather than the cwd. */
export const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const samplesDir = join(appRoot, 'samples');
export const promptsDir = join(appRoot, 'prompts');
export const rendererDist = join(appRoot, 'dist', 'renderer');

/** Browser mode and the CLI keep data in $SPECBENCH_HOME, else ~/.specbench. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.SPECBENCH_HOME ? resolve(env.SPECBENCH_HOME) : join(homedir(), '.specbench');
}
