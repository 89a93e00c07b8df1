import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { EventName } from '../../core/contract/operations.js';
import { parseArgs } from '../common/args.js';
import { UsageError } from '../common/usage-error.js';
import { createHandlers } from '../handlers/index.js';
import { createBrowserContext } from '../launch/browser-context.js';
import { ensureRendererBuilt } from '../launch/renderer-build.js';
import { rendererDist } from '../paths.js';
import { disposeHostServices, type HostServices } from '../services.js';
import { startWebHost, type WebHost } from './server.js';

const portSchema = z.coerce.number().int().min(0).max(65535);

/** Browser mode: the web host plus the services it owns; `close()` shuts both down. */
export interface BrowserModeHost extends WebHost {
  readonly services: HostServices;
}

/**
 * Starts browser mode: `npm run web [-- --port N] [--open file.md]`. This is the process's
 * composition root: it creates the services, and `close()` stops taking requests, then
 * disposes them in order (review runs, embedded server, store).
 */
export async function serveBrowserMode(
  argv: string[],
  log: (line: string) => void = console.log,
  env: Record<string, string | undefined> = process.env,
): Promise<BrowserModeHost> {
  const args = parseArgs(argv, { values: ['port', 'open'] });
  const port = portSchema.safeParse(args.flags.get('port') ?? env.SPECBENCH_PORT ?? 5178);
  if (!port.success) throw new UsageError('--port must be a whole number from 0 to 65535');
  const open = args.flags.get('open') ?? args.positionals[0];
  ensureRendererBuilt(log);
  let web: WebHost | null = null;
  const context = createBrowserContext({
    initialPath: typeof open === 'string' ? resolve(open) : null,
    emit: (name: EventName, payload: unknown) => web?.broadcast(name, payload),
    env,
    reviewEnv: env,
  });
  try {
    web = await startWebHost({ handlers: createHandlers(context), staticDir: rendererDist, port: port.data });
  } catch (error) {
    await disposeHostServices(context);
    throw error;
  }
  const started = web;
  let closing: Promise<void> | null = null;
  log(`Specbench (browser mode) at ${started.url}`);
  return {
    url: started.url,
    port: started.port,
    token: started.token,
    services: context,
    broadcast: (name, payload) => started.broadcast(name, payload),
    close() {
      closing ??= (async () => {
        // No new requests first, so nothing starts while the services shut down.
        await started.close();
        for (const { service, error } of await disposeHostServices(context)) log(`specbench web: shutting down ${service} failed: ${error.message}`);
      })();
      return closing;
    },
  };
}

/** SIGINT/SIGTERM close the host (disposing its services) and then exit. */
export function closeOnSignals(host: Pick<WebHost, 'close'>): void {
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serveBrowserMode(process.argv.slice(2)).then(closeOnSignals, (error: Error) => {
    console.error(`specbench web: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
