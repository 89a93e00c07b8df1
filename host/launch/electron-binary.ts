import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../paths.js';

export type ElectronLookup = { ok: true; path: string } | { ok: false; reason: string };

const electronDir = join(appRoot, 'node_modules', 'electron');

/** The Electron executable if it is already downloaded; never downloads. */
export function installedElectron(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/**
 * The Electron executable, downloading it once if needed. Electron 45 fetches its binary on
 * first launch; where that is impossible (offline machines) we say why instead of crashing.
 */
export function locateElectron(timeoutMs = 90_000): ElectronLookup {
  if (!existsSync(join(electronDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  const found = installedElectron();
  if (found) return { ok: true, path: found };
  const attempt = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: timeoutMs });
  const again = installedElectron();
  if (again) return { ok: true, path: again };
  const detail = `${attempt.stderr ?? ''}\n${attempt.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|timed out|getaddrinfo/i.test(l));
  const reason = attempt.error?.message ?? detail ?? `the download exited with code ${attempt.status}`;
  return { ok: false, reason: `the Electron binary could not be downloaded (${reason.slice(0, 160)})` };
}
