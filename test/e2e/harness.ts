import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHandlers } from '../../host/handlers/index.js';
import { createBrowserContext } from '../../host/launch/browser-context.js';
import { rendererDist, samplesDir } from '../../host/paths.js';
import { startWebHost, type WebHost } from '../../host/web/server.js';

/** Debian's Chromium, with everything that would phone home switched off. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Workbench {
  host: WebHost;
  dir: string;
  specPath: string;
  close(): Promise<void>;
}

/** Browser mode on a free port, opening a scratch copy of a sample, with its own data folder. */
export async function startWorkbench(sample = 'magic-link.md'): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), 'specbench-e2e-'));
  const specPath = join(dir, sample);
  copyFileSync(join(samplesDir, sample), specPath);
  let host: WebHost | null = null;
  const context = createBrowserContext({
    initialPath: specPath,
    emit: (name, payload) => host?.broadcast(name, payload),
    env: { SPECBENCH_HOME: join(dir, 'home') },
  });
  host = await startWebHost({ handlers: createHandlers(context), staticDir: rendererDist, port: 0 });
  const started = host;
  return {
    host: started,
    dir,
    specPath,
    async close() {
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any page error or CSP violation the page reports. */
export function watchPageHealth(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  return problems;
}
