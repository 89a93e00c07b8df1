import { parseArgs } from 'node:util';
import { DEFECT_NAMES, isDefectName } from './defects.js';
import type { ServerConfig } from './server.js';

export const USAGE = `Usage: node --import tsx embedded-server/main.ts [options]

  --port N            listen on 127.0.0.1:N (default $PORT or 4000; 0 picks a free port)
  --database-url URL  use this PostgreSQL (default $DATABASE_URL; unset: start an embedded one)
  --data-dir DIR      keep the embedded PostgreSQL's data here (default: a temporary dir, deleted on stop)
  --defect NAME       run with one deliberate defect (see --list-defects)
  --dev               mount the dev control API under /__dev
  --list-defects      print the defects, one per line, and exit
  --stdin-lifeline    shut down when stdin closes (for a parent process that may die)
  --help              print this text

Environment: PORT, DATABASE_URL, APP_BASE_URL, JWT_SECRET (at least 32 characters), LOG_LEVEL, PG_POOL_MAX, SMTP_URL.
`;

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'list-defects' }
  | { kind: 'serve'; config: ServerConfig; logLevel: string; stdinLifeline: boolean }
  | { kind: 'error'; message: string };

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Flags win over environment variables. Never throws: a bad argument is `{kind: 'error'}` (exit 2). */
export function parseServerArgs(argv: string[], env: Record<string, string | undefined>): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        defect: { type: 'string' },
        dev: { type: 'boolean' },
        'list-defects': { type: 'boolean' },
        'stdin-lifeline': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (values['list-defects']) return { kind: 'list-defects' };

  const portText = values.port ?? env.PORT ?? '4000';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { kind: 'error', message: `invalid port "${portText}" (0-65535)` };

  const defect = values.defect;
  if (defect !== undefined && !isDefectName(defect)) {
    return { kind: 'error', message: `unknown defect "${defect}"; valid defects: ${DEFECT_NAMES.join(', ')}` };
  }

  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && values['data-dir'] !== undefined) {
    return { kind: 'error', message: '--data-dir is for the embedded PostgreSQL; it cannot be combined with a database URL' };
  }

  const jwtSecret = env.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) return { kind: 'error', message: 'JWT_SECRET must be at least 32 characters' };

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) return { kind: 'error', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` };

  if (env.SMTP_URL && !/^smtps?:\/\/[^/]+/.test(env.SMTP_URL)) return { kind: 'error', message: 'SMTP_URL must look like smtp://HOST:PORT' };
  const poolMax = env.PG_POOL_MAX === undefined ? undefined : Number(env.PG_POOL_MAX);
  if (poolMax !== undefined && !(Number.isInteger(poolMax) && poolMax > 0)) return { kind: 'error', message: 'PG_POOL_MAX must be a positive integer' };

  return {
    kind: 'serve',
    logLevel,
    stdinLifeline: values['stdin-lifeline'] ?? false,
    config: {
      port: Number(portText),
      databaseUrl,
      dataDir: values['data-dir'],
      defect,
      dev: values.dev ?? false,
      appBaseUrl: env.APP_BASE_URL || undefined,
      jwtSecret: jwtSecret === undefined ? undefined : Buffer.from(jwtSecret, 'utf8'),
      poolMax,
      ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    },
  };
}
