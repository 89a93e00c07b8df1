import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, rendererDist } from '../paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/renderer is missing or older than the sources it is built from. */
export function rendererIsStale(): boolean {
  const index = join(rendererDist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(appRoot, 'renderer'), join(appRoot, 'core')].some((dir) => newestMtime(dir) > built);
}

/** Builds the renderer with Vite when needed, so `npm start` works on a fresh clone. */
export function ensureRendererBuilt(log: (line: string) => void): void {
  if (!rendererIsStale()) return;
  log('Building the workbench UI (first run or sources changed)…');
  const result = spawnSync(process.execPath, [join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: appRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the UI build failed (see the Vite output above)');
}
