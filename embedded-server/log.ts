import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

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
