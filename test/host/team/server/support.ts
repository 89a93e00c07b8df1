import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { TeamApi } from '../../../../host/team/api/team-api.js';
import type { TeamAuth } from '../../../../host/team/auth/team-auth.js';
import type { RequestActor } from '../../../../host/team/team-types.js';
import { readBody } from '../../../../host/web/http-io.js';

// Fakes of the team server's OWN seams (accounts, API), so these tests exercise the HTTP front
// against a real PostgreSQL without waiting for the accounts and access branches.

export const SESSION_SECRET = 'sess-Zq81vLm2Pw9xYt4K';
export const SESSION_COOKIE = `team_session=${SESSION_SECRET}`;
export const CSRF_TOKEN = 'csrf-Hd72kLq0Vn3mBz8R';
export const ACTOR: RequestActor = {
  account: { id: '6f1c1e52-0d6a-4cde-9a36-5a1c3b1f0a11', email: 'alice@example.com', name: 'Alice', role: 'author' },
  sessionId: 'session-1',
};

/** Signs in exactly one cookie; serves /auth/sign-in (reading the password form like the real one would). */
export function fakeAuth(): TeamAuth & { signIns: number; signedOut: boolean } {
  const auth = {
    signIns: 0,
    /** Set to end the one session server-side (sign-out). */
    signedOut: false,
    async handle(req: Parameters<TeamAuth['handle']>[0], res: Parameters<TeamAuth['handle']>[1], url: URL) {
      if (url.pathname !== '/auth/sign-in') return false;
      if (req.method === 'POST') {
        await readBody(req);
        auth.signIns += 1;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<form method="post"></form>');
      return true;
    },
    async authenticate(req: Parameters<TeamAuth['authenticate']>[0]) {
      return !auth.signedOut && req.headers.cookie?.split(/;\s*/).includes(SESSION_COOKIE) ? { ...ACTOR, csrfToken: CSRF_TOKEN } : null;
    },
    csrfValid(req: Parameters<TeamAuth['csrfValid']>[0], actor: { csrfToken: string }) {
      return req.headers['x-specbench-token'] === actor.csrfToken;
    },
    async inviteAccount(): Promise<never> {
      throw new Error('not used here');
    },
    async listAccounts() {
      return [];
    },
    async setDisabled(): Promise<never> {
      throw new Error('not used here');
    },
    async prune() {},
    async close() {},
  };
  return auth;
}

export interface RecordedCall {
  actor: RequestActor;
  name: string;
  args: unknown;
}

/** Answers every call with its own name and args, recording it; `behaviour` overrides per operation. */
export function fakeApi(behaviour: Record<string, (args: unknown) => Promise<Awaited<ReturnType<TeamApi['call']>>>> = {}): TeamApi & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    async call(actor, name, args) {
      calls.push({ actor, name, args });
      const special = behaviour[name];
      if (special) return special(args);
      return { status: 200, envelope: { ok: true, value: { name, args } } };
    },
  };
}

/** Collects pino's lines in memory. */
export function logSink(): { write(line: string): void; lines: string[]; text(): string } {
  const lines: string[] = [];
  return { write: (line) => void lines.push(line), lines, text: () => lines.join('') };
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with full control of the headers (fetch will not set Host). */
export function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Headers of a signed-in page's API call. */
export const signedIn = (extra: Record<string, string> = {}): Record<string, string> => ({ Cookie: SESSION_COOKIE, 'Content-Type': 'application/json', ...extra });
