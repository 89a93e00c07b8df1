import { parseServerArgs, USAGE } from './cli-args.js';
import { formatDefectList } from './defects.js';
import { DevLogBuffer, teeDestination } from './dev-log-buffer.js';
import { closeDestination, createLogger, stdoutDestination } from './log.js';
import { startServer, type RunningServer } from './server.js';

/**
 * The process entry: flags and environment in, `listening on http://127.0.0.1:PORT` out when
 * ready, everything closed on SIGTERM/SIGINT. Exit codes: 0 stopped, 1 could not start, 2 bad arguments.
 */
const parsed = parseServerArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'error') {
  process.stderr.write(`${parsed.message}\n`);
  process.exit(2);
}
if (parsed.kind === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (parsed.kind === 'list-defects') {
  process.stdout.write(formatDefectList());
  process.exit(0);
}

const destination = stdoutDestination();
// With --dev the lines are also kept in memory for GET /__dev/logs (the validator's log steps).
const logBuffer = parsed.config.dev ? new DevLogBuffer() : undefined;
const logger = createLogger({ level: parsed.logLevel, destination: logBuffer ? teeDestination(destination, logBuffer) : destination });
const starting: Promise<RunningServer> = startServer({ ...parsed.config, logBuffer }, logger);
let stopping = false;

let exiting: Promise<void> | undefined;
/** Exits once the buffered log lines are out (the first caller's code wins). */
function exit(code: number): Promise<void> {
  exiting ??= closeDestination(destination).then(() => process.exit(code));
  return exiting;
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ reason }, 'shutting down');
  const running = await starting.catch(() => undefined);
  await running?.stop();
  logger.info('stopped');
  await exit(exitCode);
}

process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.on('SIGINT', () => void shutdown('SIGINT', 0));
if (parsed.stdinLifeline) {
  process.stdin.on('close', () => void shutdown('stdin closed', 0));
  process.stdin.resume();
}
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  void shutdown('uncaught exception', 1);
});
process.on('unhandledRejection', (error) => {
  logger.fatal({ err: error }, 'unhandled rejection');
  void shutdown('unhandled rejection', 1);
});

starting.then(
  (running) => {
    // Through the logger's own stream, so the ready line never overtakes the lines logged before it.
    if (!stopping) destination.write(`listening on ${running.url}\n`);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ reason: message }, 'server did not start');
    process.stderr.write(`${message}\n`);
    void exit(1);
  },
);
