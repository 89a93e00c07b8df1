import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { EventName } from '../../core/contract/operations.js';
import { parseArgs } from '../cli/args.js';
import { UsageError } from '../cli/command.js';
import { createHandlers } from '../handlers/index.js';
import { createBrowserContext } from '../launch/browser-context.js';
import { ensureRendererBuilt } from '../launch/renderer-build.js';
import { rendererDist } from '../paths.js';
import { startWebHost, type WebHost } from './server.js';

const portSchema = z.coerce.number().int().min(0).max(65535);

/** Starts browser mode: `npm run web [-- --port N] [--open file.md]`. */
export async function serveBrowserMode(argv: string[], log: (line: string) => void = console.log): Promise<WebHost> {
  const args = parseArgs(argv, { values: ['port', 'open'] });
  const port = portSchema.safeParse(args.flags.get('port') ?? process.env.SPECBENCH_PORT ?? 5178);
  if (!port.success) throw new UsageError('--port must be a whole number from 0 to 65535');
  const open = args.flags.get('open') ?? args.positionals[0];
  ensureRendererBuilt(log);
  let host: WebHost | null = null;
  const context = createBrowserContext({
    initialPath: typeof open === 'string' ? resolve(open) : null,
    emit: (name: EventName, payload: unknown) => host?.broadcast(name, payload),
  });
  const web = await startWebHost({ handlers: createHandlers(context), staticDir: rendererDist, port: port.data });
  // Closing the host also stops the services this entry point created.
  host = { ...web, close: () => web.close().then(() => context.compute?.dispose()) };
  log(`Specbench (browser mode) at ${host.url}`);
  return host;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serveBrowserMode(process.argv.slice(2)).then(
    (host) => {
      const stop = () => host.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: Error) => {
      console.error(`specbench web: ${error.message}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
