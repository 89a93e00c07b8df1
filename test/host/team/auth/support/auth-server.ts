import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { migratePg } from '../../../../../host/db/pg/migrate-pg.js';
import { openPgDatabase, type PgDatabase } from '../../../../../host/db/pg/pg-database.js';
import { createTeamAuth, type TeamAuth, type TeamAuthOptions } from '../../../../../host/team/auth/team-auth.js';
import { acquireDatabase } from '../../../../embedded-server/support/cluster.js';

/** Holds one embedded cluster for the whole test file, so it is not restarted per test. */
export function holdCluster(): void {
  let keeper: Awaited<ReturnType<typeof acquireDatabase>>;
  before(async () => {
    keeper = await acquireDatabase('auth_keeper');
  });
  after(() => keeper.release());
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export interface AuthServer {
  auth: TeamAuth;
  db: PgDatabase;
  base: string;
  logs: LogLine[];
  /** Moves the injected clock. */
  advance(ms: number): void;
  now(): Date;
}

export const START = Date.parse('2026-12-01T09:00:00.000Z');

/**
 * A fresh database with every migration, `createTeamAuth` on it with an injected clock and a
 * log sink, behind a real node:http server on 127.0.0.1. Any path that is not `/auth/*` answers
 * `authenticate(req)` as JSON, so tests see what the team server would see.
 */
export async function startAuthServer(
  t: { after(fn: () => Promise<void> | void): void },
  options: Partial<Omit<TeamAuthOptions, 'db' | 'publicUrl' | 'now' | 'log'>> = {},
): Promise<AuthServer> {
  const database = await acquireDatabase('auth');
  const db = openPgDatabase(database.url, { max: 4 });
  await migratePg(db);
  let nowMs = START;
  const logs: LogLine[] = [];
  const sink = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => logs.push({ level, fields, message });
  let auth: TeamAuth | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    auth!
      .handle(req, res, url)
      .then(async (handled) => {
        if (handled) return;
        const actor = await auth!.authenticate(req);
        res.writeHead(actor ? 200 : 401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(actor));
      })
      .catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  auth = createTeamAuth({
    secureCookies: false,
    ...options,
    db,
    publicUrl: base,
    now: () => new Date(nowMs),
    log: { info: sink('info'), warn: sink('warn'), error: sink('error') },
  });
  t.after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await auth!.close();
    await db.close();
    await database.release();
  });
  return {
    auth,
    db,
    base,
    logs,
    advance: (ms) => {
      nowMs += ms;
    },
    now: () => new Date(nowMs),
  };
}

/** `specbench_session=<token>` from a response's Set-Cookie, for the next request's Cookie header. */
export function sessionCookieOf(response: Response): string {
  const line = response.headers.getSetCookie().find((c) => c.startsWith('specbench_session='));
  if (!line) throw new Error(`no session cookie in the answer (status ${response.status})`);
  return line.split(';')[0]!;
}

export const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

export const jsonPost = (value: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
  body: JSON.stringify(value),
  redirect: 'manual',
});

/** Who the server takes the caller of this cookie for (null when nobody). */
export async function whoAmI(base: string, cookie: string): Promise<{ account: { id: string; email: string; role: string }; sessionId: string; csrfToken: string } | null> {
  const response = await fetch(`${base}/whoami`, { headers: { Cookie: cookie } });
  return (await response.json()) as never;
}

/** The token at the end of an invitation or magic link. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** Invites and sets a password through the HTTP routes; the session cookie of the new sign-in. */
export async function onboard(server: AuthServer, email: string, password: string, role: 'admin' | 'author' | 'reviewer' | 'productops' = 'author'): Promise<string> {
  const { link } = await server.auth.inviteAccount({ email, role });
  const response = await fetch(link, form({ password, confirm: password }));
  if (response.status !== 303) throw new Error(`setting the password answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}

/** Fails when any log line carries one of the secrets (a password, a token, a full address, a cookie). */
export function leakedSecrets(logs: LogLine[], secrets: string[]): string[] {
  const text = logs.map((l) => JSON.stringify(l)).join('\n').toLowerCase();
  return secrets.filter((s) => text.includes(s.toLowerCase()));
}
