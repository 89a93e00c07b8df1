import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseArgs, stringFlag, type ParsedArgs } from '../../common/args.js';
import { HostError } from '../../common/host-error.js';
import { UsageError } from '../../common/usage-error.js';
import { openPgStore } from '../../store/pg/pg-store.js';
import { createTeamAuth } from '../../team/auth/team-auth.js';
import { serveTeam } from '../../team/serve-team.js';
import { parsePublicUrl, resolveListenPolicy } from '../../team/server/listen-policy.js';
import { redactEmail } from '../../team/server/log-redaction.js';
import { createTeamLogger } from '../../team/server/request-log.js';
import { TEAM_ROLES } from '../../team/team-types.js';
import type { CliCommand, CliIo } from '../command.js';
import { commandInfo } from './index.js';
import { withStopSignal } from '../stop-signal.js';

const databaseUrlSchema = z
  .string({ error: '--database-url (or SPECBENCH_DATABASE_URL) is required: postgres://USER:PASSWORD@HOST:PORT/DATABASE' })
  .regex(/^postgres(ql)?:\/\/\S+$/, '--database-url must be a postgres:// or postgresql:// URL');
const userAddSchema = z.object({
  email: z.string().trim().email('EMAIL must be an email address').max(254),
  role: z.enum(TEAM_ROLES, { error: `--role must be one of ${TEAM_ROLES.join(', ')}` }),
  name: z.string().trim().min(1, '--name must not be empty').max(200).optional(),
});

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'invalid arguments');
  return result.data;
}

function databaseUrlOf(args: ParsedArgs, io: CliIo): string {
  return check(databaseUrlSchema, stringFlag(args, 'database-url') ?? (io.env.SPECBENCH_DATABASE_URL || undefined));
}

async function readPem(flag: string, file: string, cwd: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    throw new UsageError(`--${flag} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Start-up failures that are about the database (unreachable, newer schema): one line, exit 1. */
function databaseFailure(error: unknown, io: CliIo): number | null {
  if (error instanceof HostError && ['DATABASE_UNAVAILABLE', 'DB_NEWER', 'DB_MIGRATIONS_MISMATCH', 'DB_MIGRATION_FAILED'].includes(error.code)) {
    io.stderr(`specbench team: ${error.message.split('\n')[0]}\n`);
    return 1;
  }
  return null;
}

/** `specbench team serve`, with the stop signal passed in (the command wires SIGINT/SIGTERM; tests pass their own). */
export async function runTeamServe(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const args = parseArgs(argv, { values: ['database-url', 'listen', 'public-url', 'tls-cert', 'tls-key', 'log-level'], booleans: ['trust-proxy'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const databaseUrl = databaseUrlOf(args, io);
  const policy = resolveListenPolicy({
    listen: stringFlag(args, 'listen') ?? (io.env.SPECBENCH_LISTEN || undefined),
    publicUrl: stringFlag(args, 'public-url') ?? (io.env.SPECBENCH_PUBLIC_URL || undefined),
    tlsCert: stringFlag(args, 'tls-cert'),
    tlsKey: stringFlag(args, 'tls-key'),
    trustProxy: args.flags.has('trust-proxy'),
  });
  const level = check(z.enum(['debug', 'info', 'warn', 'error']).default('info'), stringFlag(args, 'log-level') ?? (io.env.LOG_LEVEL || undefined));
  const tls = policy.tls ? { cert: await readPem('tls-cert', policy.tls.certFile, io.cwd), key: await readPem('tls-key', policy.tls.keyFile, io.cwd) } : undefined;
  const log = createTeamLogger({ level, destination: { write: (line: string) => io.stdout(line) } });

  let running;
  try {
    running = await serveTeam({ databaseUrl, policy, tls, smtpUrl: io.env.SMTP_URL || undefined, log });
  } catch (error) {
    const handled = databaseFailure(error, io);
    if (handled !== null) return handled;
    io.stderr(`specbench team: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    stop.addEventListener('abort', () => resolve(), { once: true });
  });
  log.info('shutting down (signal received)');
  await running.close();
  return 0;
}

/** `specbench team user add EMAIL --role ROLE [--name N]`: prints the invitation link. */
export async function runTeamUserAdd(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['role', 'name', 'database-url', 'public-url'] });
  if (args.positionals.length !== 1) throw new UsageError('team user add needs exactly one EMAIL');
  const input = check(userAddSchema, { email: args.positionals[0], role: stringFlag(args, 'role'), name: stringFlag(args, 'name') });
  const databaseUrl = databaseUrlOf(args, io);
  const publicUrl = parsePublicUrl(stringFlag(args, 'public-url') ?? (io.env.SPECBENCH_PUBLIC_URL || undefined));
  let store;
  try {
    store = await openPgStore(databaseUrl, { connectionTimeoutMs: 5_000 });
  } catch (error) {
    const handled = databaseFailure(error, io);
    if (handled !== null) return handled;
    throw error;
  }
  const auth = createTeamAuth({ db: store.db, publicUrl: publicUrl.origin, secureCookies: publicUrl.protocol === 'https:' });
  try {
    const invitation = await auth.inviteAccount(input);
    io.stdout(`Invited ${redactEmail(input.email)} as ${input.role}. One-time link (expires ${invitation.expiresAt}):\n${invitation.link}\n`);
    return 0;
  } finally {
    await auth.close();
    await store.close();
  }
}

export async function runTeamCommand(argv: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'serve') return runTeamServe(rest, io, stop);
  if (sub === 'user' && rest[0] === 'add') return runTeamUserAdd(rest.slice(1), io);
  throw new UsageError(sub ? `unknown team subcommand "${[sub, ...(sub === 'user' ? rest.slice(0, 1) : [])].join(' ')}" (serve, user add)` : 'team needs a subcommand: serve or user add');
}

export const teamCommand: CliCommand = {
  ...commandInfo('team'),
  run: (argv, io) => withStopSignal((stop) => runTeamCommand(argv, io, stop)),
};
