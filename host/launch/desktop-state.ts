import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { appRoot } from '../paths.js';
import type { ElectronLookup } from './electron-binary.js';

/**
 * `npm start` remembers that Electron's binary could not be had, so an offline machine does not
 * wait for a failed download at every start. The fact belongs to this checkout (its
 * node_modules/electron), so it lives in the git-ignored `.specbench-dev/` of the app root.
 */
export const desktopStateFile = join(appRoot, '.specbench-dev', 'desktop-unavailable.json');

/** A remembered failure is retried after this long, or at once with `--retry-desktop`. */
export const DESKTOP_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export const RETRY_DESKTOP_FLAG = '--retry-desktop';

const stateSchema = z.object({ unavailableAt: z.iso.datetime(), reason: z.string().max(500) }).strict();
export type DesktopUnavailable = z.infer<typeof stateSchema>;

/** The remembered failure, or null when none is recorded or the file is unreadable or malformed. */
export function readDesktopState(file = desktopStateFile): DesktopUnavailable | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function recordDesktopUnavailable(reason: string, now: Date, file = desktopStateFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const state: DesktopUnavailable = { unavailableAt: now.toISOString(), reason: reason.slice(0, 500) };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

export function forgetDesktopUnavailable(file = desktopStateFile): void {
  rmSync(file, { force: true });
}

export type DesktopDecision = { action: 'download' } | { action: 'skip'; reason: string; since: string };

/**
 * Whether to try downloading Electron's binary now: yes unless a failure was recorded less than a
 * day ago and no retry was asked for. A record dated in the future (clock changed) is not trusted.
 */
export function decideDesktopDownload(state: DesktopUnavailable | null, options: { now: Date; retryRequested: boolean }): DesktopDecision {
  if (!state || options.retryRequested) return { action: 'download' };
  const age = options.now.getTime() - Date.parse(state.unavailableAt);
  if (age < 0 || age >= DESKTOP_RETRY_AFTER_MS) return { action: 'download' };
  return { action: 'skip', reason: state.reason, since: state.unavailableAt };
}

export interface DesktopRuntimeDeps {
  /** The already-downloaded executable, or null (never downloads). */
  installed: () => string | null;
  /** Finds the executable, downloading it if needed (slow; fails offline). */
  locate: () => ElectronLookup;
  now: Date;
  retryRequested: boolean;
  file?: string;
}

/**
 * `npm start`'s choice of runtime: a downloaded binary is used at once; otherwise a download is
 * tried unless one failed within the day, and its outcome is remembered (failure) or forgotten.
 */
export function resolveDesktopRuntime(deps: DesktopRuntimeDeps): ElectronLookup {
  const file = deps.file ?? desktopStateFile;
  const installed = deps.installed();
  if (installed) {
    forgetDesktopUnavailable(file);
    return { ok: true, path: installed };
  }
  const decision = decideDesktopDownload(readDesktopState(file), { now: deps.now, retryRequested: deps.retryRequested });
  if (decision.action === 'skip') {
    return { ok: false, reason: `${decision.reason} (remembered since ${decision.since}; \`npm start -- ${RETRY_DESKTOP_FLAG}\` tries again)` };
  }
  const found = deps.locate();
  if (found.ok) forgetDesktopUnavailable(file);
  else recordDesktopUnavailable(found.reason, deps.now, file);
  return found;
}
