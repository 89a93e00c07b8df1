import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { UsageError } from '../common/usage-error.js';
import { appRoot } from '../paths.js';
import { closeOnSignals, serveBrowserMode } from '../web/serve.js';
import { RETRY_DESKTOP_FLAG, resolveDesktopRuntime } from './desktop-state.js';
import { installedElectron, locateElectron } from './electron-binary.js';
import { ensureRendererBuilt } from './renderer-build.js';

/**
 * `npm start`: the desktop app when Electron's binary is available, otherwise the same
 * workbench in browser mode with one line saying why. SPECBENCH_BROWSER=1 skips Electron; a
 * failed download is remembered for a day (`--retry-desktop` tries again at once).
 */
async function start(startArgs: string[]): Promise<void> {
  const retryRequested = startArgs.includes(RETRY_DESKTOP_FLAG);
  const argv = startArgs.filter((arg) => arg !== RETRY_DESKTOP_FLAG);
  ensureRendererBuilt(console.log);
  const electron =
    process.env.SPECBENCH_BROWSER === '1'
      ? { ok: false as const, reason: 'SPECBENCH_BROWSER=1 is set' }
      : resolveDesktopRuntime({ installed: installedElectron, locate: () => locateElectron(), now: new Date(), retryRequested });
  if (electron.ok) {
    const built = spawnSync(process.execPath, [join(appRoot, 'host', 'tools', 'build-electron.mjs')], { cwd: appRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the Electron main process failed');
    const child = spawn(electron.path, [appRoot, ...argv], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(`Desktop runtime unavailable: ${electron.reason}; serving the workbench in browser mode instead.`);
  closeOnSignals(await serveBrowserMode(argv));
}

start(process.argv.slice(2)).catch((error: Error) => {
  console.error(`specbench: ${error.message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
