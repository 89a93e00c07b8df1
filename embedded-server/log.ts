import { pino, type DestinationStream, type Logger } from 'pino';

type AsyncDestination = ReturnType<typeof pino.destination>;

export type { Logger } from 'pino';

/**
 * Standard output for the logger, written asynchronously: lines that arrive while a write is in
 * flight go out together in the next one, instead of one blocking write per line.
 */
export function stdoutDestination(): AsyncDestination {
  return pino.destination({ dest: 1, sync: false });
}

/** Writes what is buffered, then resolves (at most `timeoutMs` later). Nothing may be logged afterwards. */
export function closeDestination(destination: AsyncDestination, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    destination.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    destination.end();
  });
}

/**
 * pino JSON, one object per line on stdout (or the given stream in tests).
 * Nothing here redacts: callers pass an email's domain (see `emailDomain`) and never a raw token,
 * and the test suite scans every line to prove it.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      serializers: { err: serializeError },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/**
 * pg errors carry `detail` such as `Key (email)=(someone@example.com) already exists`;
 * only the message, the SQLSTATE and the stack (file paths) reach the log.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, code: typeof code === 'string' ? code : undefined, stack: error.stack };
}
