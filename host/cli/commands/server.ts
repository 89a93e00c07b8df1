import { parseArgs, stringFlag } from '../../common/args.js';
import { UsageError } from '../../common/usage-error.js';
import type { CliCommand, CliIo } from '../command.js';
import { EmbeddedServerStartError, launchEmbeddedServer, listDefects } from '../../server/index.js';
import { commandInfo } from './index.js';
import { withStopSignal } from '../stop-signal.js';

/** `specbench server`, with the stop signal passed in (the command wires SIGINT/SIGTERM; tests pass their own). */
export async function runServerCommand(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const args = parseArgs(argv, { values: ['port', 'database-url', 'data-dir', 'defect'], booleans: ['dev', 'list-defects', 'help'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const flag = (name: string) => stringFlag(args, name);
  if (args.flags.has('help')) {
    io.stdout(commandInfo('server').usage);
    return 0;
  }
  if (args.flags.has('list-defects')) {
    const defects = await listDefects({ env: io.env });
    const width = Math.max(...defects.map((d) => d.name.length)) + 2;
    io.stdout(defects.map((d) => d.name.padEnd(width) + d.description + '\n').join(''));
    return 0;
  }

  const portText = flag('port') ?? io.env.PORT ?? '4000';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`invalid port "${portText}" (0-65535)`);
  const databaseUrl = flag('database-url') ?? (io.env.DATABASE_URL || undefined);

  // Until the server is up, its stderr is held back: if it fails, the error below quotes it once.
  let held: string[] | undefined = [];
  let server;
  try {
    server = await launchEmbeddedServer({
      port: Number(portText),
      databaseUrl,
      dataDir: flag('data-dir'),
      defect: flag('defect'),
      dev: args.flags.has('dev'),
      env: io.env,
      signal: stop,
      onLog: (line) => {
        if (line.stream === 'stdout') io.stdout(line.raw + '\n');
        else if (held) held.push(line.raw + '\n');
        else io.stderr(line.raw + '\n');
      },
    });
    for (const text of held) io.stderr(text);
    held = undefined;
  } catch (error) {
    if (error instanceof EmbeddedServerStartError && error.exitCode === 2) {
      throw new UsageError(error.message.trim().split('\n').join('; '));
    }
    if (stop.aborted) return 0;
    io.stderr(`specbench server: ${error instanceof Error ? error.message.trim() : String(error)}\n`);
    return 1;
  }

  const aborted = new Promise<'stop'>((resolve) => {
    if (stop.aborted) resolve('stop');
    stop.addEventListener('abort', () => resolve('stop'), { once: true });
  });
  const outcome = await Promise.race([aborted, server.exited]);
  if (outcome === 'stop') {
    await server.stop();
    return 0;
  }
  io.stderr(`specbench server: the server exited unexpectedly (${outcome.code ?? outcome.signal})\n`);
  return 1;
}

export const serverCommand: CliCommand = {
  ...commandInfo('server'),
  run: (argv, io) => withStopSignal((stop) => runServerCommand(argv, io, stop)),
};
