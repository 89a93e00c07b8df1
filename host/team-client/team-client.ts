import type { Envelope } from '../../core/contract/define.js';
import type { ArgsOf, OperationName, ResultOf } from '../../core/contract/operations.js';
import { HostError } from '../common/host-error.js';

export interface TeamStatus {
  connected: boolean;
  url: string | null;
  account: { name: string; email: string; role: string } | null;
}

interface TeamSession {
  url: string;
  /** `specbench_session=…`, sent back as the Cookie header; only ever in this process's memory. */
  cookie: string;
  /** The session's CSRF token, sent as X-Specbench-Token with every API call. */
  csrf: string;
  account: { name: string; email: string; role: string };
}

export interface TeamClientOptions {
  /** The HTTP client (tests may pass one bound to a test agent); default the global fetch. */
  fetch?: typeof fetch;
  /** Every request's deadline (default 15 s): an unresponsive server never hangs the host. */
  timeoutMs?: number;
}

/** Replies are JSON envelopes or small pages; anything larger is not a team server speaking. */
const MAX_REPLY_BYTES = 32 * 1024 * 1024;
const SESSION_COOKIE = 'specbench_session';

/**
 * The desktop's and browser mode's connection to a team server (issue 15 FR-7): signs in with
 * email and password like a browser would (session cookie + CSRF token) and calls the same
 * contract operations over HTTP. The session lives in this object only: never sent to the
 * renderer, never written to disk; a restart means signing in again.
 */
export class TeamClient {
  private session: TeamSession | null = null;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: TeamClientOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  status(): TeamStatus {
    const s = this.session;
    return { connected: s !== null, url: s?.url ?? null, account: s?.account ?? null };
  }

  async connect(input: { url: string; email: string; password: string }): Promise<TeamStatus> {
    const reply = await this.request(`${input.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: input.email, password: input.password }),
      redirect: 'manual',
    });
    const cookie = sessionCookie(reply.headers);
    const text = await readCapped(reply);
    if (!cookie) throw new HostError('TEAM_SIGN_IN_FAILED', `${input.url} refused the sign-in: ${errorMessage(text) ?? `HTTP ${reply.status}`}`);
    // The JSON sign-in answers { ok, value: { account, csrfToken } } (host/team/auth/routes.ts).
    let value: { account?: Partial<TeamSession['account']>; csrfToken?: string } | undefined;
    try {
      value = (JSON.parse(text) as { value?: typeof value }).value;
    } catch {
      value = undefined;
    }
    const account = value?.account;
    if (!account?.email || !account.role || !value?.csrfToken) {
      throw new HostError('TEAM_SIGN_IN_FAILED', `${input.url} set a session but did not say who we are (HTTP ${reply.status}); is it a Specbench team server?`);
    }
    this.session = { url: input.url, cookie, csrf: value.csrfToken, account: { name: account.name ?? account.email, email: account.email, role: account.role } };
    return this.status();
  }

  async disconnect(): Promise<TeamStatus> {
    const s = this.session;
    this.session = null;
    if (s) {
      // Best effort: the session ends server-side; forgetting it here happens whatever the answer.
      await this.request(`${s.url}/auth/sign-out`, { method: 'POST', headers: { Cookie: s.cookie, 'X-Specbench-Token': s.csrf }, redirect: 'manual' })
        .then(readCapped)
        .catch(() => undefined);
    }
    return this.status();
  }

  /** One contract operation on the team server, as the signed-in account. */
  async call<K extends OperationName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    const s = this.session;
    if (!s) throw new HostError('TEAM_NOT_CONNECTED', 'not connected to a team server: use "Connect to team…" first');
    const reply = await this.request(`${s.url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-Specbench-Token': s.csrf },
      body: JSON.stringify(args ?? {}),
    });
    const text = await readCapped(reply);
    if (reply.status === 401) {
      this.session = null;
      throw new HostError('TEAM_SESSION_ENDED', `the session on ${s.url} has ended; connect again`);
    }
    let envelope: Envelope<ResultOf<K>>;
    try {
      envelope = JSON.parse(text) as Envelope<ResultOf<K>>;
    } catch {
      throw new HostError('TEAM_BAD_REPLY', `${s.url} answered ${name} with HTTP ${reply.status} and no JSON`);
    }
    if (!envelope.ok) throw new HostError(envelope.error.code, `team server: ${envelope.error.message}`);
    return envelope.value;
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      throw new HostError('TEAM_UNREACHABLE', `cannot reach the team server at ${new URL(url).origin}: ${reason}`);
    }
  }
}

function sessionCookie(headers: Headers): string | null {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';', 1)[0]!.trim();
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}

function errorMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    if (typeof body.error === 'string') return body.error;
    return body.error?.message ?? body.message ?? null;
  } catch {
    return null;
  }
}

async function readCapped(reply: Response): Promise<string> {
  const declared = Number(reply.headers.get('content-length') ?? 0);
  if (declared > MAX_REPLY_BYTES) throw new HostError('TEAM_BAD_REPLY', `the team server's reply is ${declared} bytes, over the ${MAX_REPLY_BYTES / 1024 / 1024} MB limit`);
  const text = await reply.text();
  if (text.length > MAX_REPLY_BYTES) throw new HostError('TEAM_BAD_REPLY', `the team server's reply is over the ${MAX_REPLY_BYTES / 1024 / 1024} MB limit`);
  return text;
}
