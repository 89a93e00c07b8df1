import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { reviewSettingsSchema, saveReviewSettings, type ReviewSettings } from '../../host/ai/settings.js';
import { createHandlers } from '../../host/handlers/index.js';
import { createBrowserContext } from '../../host/launch/browser-context.js';
import { rendererDist, samplesDir } from '../../host/paths.js';
import { disposeHostServices } from '../../host/services.js';
import { startWebHost, type WebHost } from '../../host/web/server.js';
import { WorkbenchPage } from './pages/workbench-page.js';

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

export interface WorkbenchOptions {
  /**
   * The environment the review handlers read ANTHROPIC_API_KEY from (default: this process's).
   * Pass `{}` for a host without a key, whatever the machine running the tests has set.
   */
  reviewEnv?: Record<string, string | undefined>;
  /** Review settings written to the data folder before start (e.g. `baseURL` of the stand-in Messages API). */
  reviewSettings?: Partial<ReviewSettings>;
  /**
   * A second host (another port) on the same scratch folder, data folder and spec file as this
   * one; the first workbench owns the folder and removes it on close.
   */
  sameFolderAs?: Workbench;
}

/** Browser mode on a free port, opening a scratch copy of a sample, with its own data folder. */
export async function startWorkbench(sample = 'magic-link.md', options: WorkbenchOptions = {}): Promise<Workbench> {
  const shared = options.sameFolderAs;
  const dir = shared?.dir ?? mkdtempSync(join(tmpdir(), 'specbench-e2e-'));
  // Only the workbench that made the folder removes it; a second host on it shares it.
  const removeDir = () => {
    if (!shared) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const specPath = shared?.specPath ?? join(dir, sample);
    if (!shared) copyFileSync(join(samplesDir, sample), specPath);
    let host: WebHost | null = null;
    const context = createBrowserContext({
      initialPath: specPath,
      emit: (name, payload) => host?.broadcast(name, payload),
      env: { SPECBENCH_HOME: join(dir, 'home') },
      ...(options.reviewEnv ? { reviewEnv: options.reviewEnv } : {}),
    });
    if (options.reviewSettings) await saveReviewSettings(context.dataDir, reviewSettingsSchema.parse(options.reviewSettings));
    host = await startWebHost({ handlers: createHandlers(context), staticDir: rendererDist, port: 0 });
    const started = host;
    return {
      host: started,
      dir,
      specPath,
      async close() {
        // The folder goes even when closing the host fails (AC-6: no temporary folder left).
        try {
          await started.close();
          await disposeHostServices(context);
        } finally {
          removeDir();
        }
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
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

/** A browser page on a fresh workbench, with its health watched; what almost every e2e test starts from. */
export interface Session {
  browser: Browser;
  bench: Workbench;
  page: Page;
  ui: WorkbenchPage;
  /** Page errors and CSP violations seen so far (a test asserts it stays empty). */
  problems: string[];
  close(): Promise<void>;
}

export async function openSession(
  sample = 'magic-link.md',
  options: WorkbenchOptions & { viewport?: { width: number; height: number }; acceptDialogs?: boolean; onPage?: (page: Page) => void } = {},
): Promise<Session> {
  const browser = await launchChromium();
  let bench: Workbench | null = null;
  const close = async () => {
    try {
      await browser.close();
    } finally {
      await bench?.close();
    }
  };
  try {
    bench = await startWorkbench(sample, options);
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1500, height: 1000 } });
    if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
    options.onPage?.(page);
    const problems = watchPageHealth(page);
    const ui = new WorkbenchPage(page);
    await ui.open(bench.host.url);
    return { browser, bench, page, ui, problems, close };
  } catch (error) {
    // A session that fails to open is never returned, so no test's `after` could close it.
    await close();
    throw error;
  }
}
