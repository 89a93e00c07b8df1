import { z } from 'zod';

/** One email of the embedded server's outbox (`GET /__dev/outbox`). */
export const outboxEmailSchema = z.strictObject({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  htmlBody: z.string(),
  sentAt: z.string(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;

/**
 * One row of `magic_link_tokens` as stored (`GET /__dev/tokens`). Loose on purpose: a column the
 * schema does not name is kept, so a check that "no column holds the raw token" sees all of them.
 */
export const tokenRowSchema = z.looseObject({
  id: z.string(),
  user_id: z.string(),
  token_hash: z.string(),
  expires_at: z.string(),
  used_at: z.string().nullable(),
  created_at: z.string(),
});
export type TokenRow = z.infer<typeof tokenRowSchema>;

export type UserStatus = 'active' | 'suspended';

/** Typed access to the `/__dev` control API of a server started with `--dev`. Every answer is validated. */
export interface DevApiClient {
  /** Sent emails, newest first; only those to `to` (normalised by the server) when given. */
  outbox(to?: string): Promise<OutboxEmail[]>;
  /** magic_link_tokens rows, newest first; only the user's when `email` is given. */
  tokens(email?: string): Promise<TokenRow[]>;
  /** Truncates every table, re-seeds the demo users, resets the clock and pending email failures. */
  reset(): Promise<void>;
  /** Creates a user; resolves to its id. */
  createUser(user: { email: string; password?: string; status: UserStatus }): Promise<string>;
  setUserStatus(email: string, status: UserStatus): Promise<void>;
  /** Moves the server's clock forward; resolves to the server's new "now" (ISO). */
  advanceClock(ms: number): Promise<string>;
  /** The server's "now" (ISO). */
  clock(): Promise<string>;
  /** The next `count` email sends throw. */
  failNextEmails(count: number): Promise<void>;
}

export class DevApiError extends Error {
  override name = 'DevApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

export function createDevApiClient(baseUrl: string): DevApiClient {
  const call = async <T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok) throw new DevApiError(`${method} ${path} answered ${res.status} ${text}`, res.status);
    const parsed = schema.safeParse(text === '' ? undefined : JSON.parse(text));
    if (!parsed.success) throw new DevApiError(`${method} ${path} answered an unexpected body: ${parsed.error.message}`, res.status);
    return parsed.data;
  };
  const withQuery = (path: string, name: string, value: string | undefined): string =>
    value === undefined ? path : `${path}?${new URLSearchParams({ [name]: value })}`;

  return {
    outbox: (to) => call('GET', withQuery('/__dev/outbox', 'to', to), z.array(outboxEmailSchema)),
    tokens: (email) => call('GET', withQuery('/__dev/tokens', 'email', email), z.array(tokenRowSchema)),
    reset: () => call('POST', '/__dev/reset', z.undefined()),
    createUser: async (user) => (await call('POST', '/__dev/users', z.object({ userId: z.string() }), user)).userId,
    setUserStatus: async (email, status) => {
      await call('PATCH', '/__dev/users', z.object({ userId: z.string(), status: z.string() }), { email, status });
    },
    advanceClock: async (ms) => (await call('POST', '/__dev/clock', z.object({ now: z.string() }), { advanceMs: ms })).now,
    clock: async () => (await call('GET', '/__dev/clock', z.object({ now: z.string() }))).now,
    failNextEmails: async (count) => {
      await call('POST', '/__dev/email-failures', z.object({ pending: z.number() }), { count });
    },
  };
}

/** The magic link in an outbox email's HTML, or null. */
export function magicLinkIn(email: Pick<OutboxEmail, 'htmlBody'>): string | null {
  const match = /href="([^"]*\/auth\/magic-link\/verify\?token=[^"]*)"/.exec(email.htmlBody);
  return match?.[1]?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))) ?? null;
}

/** The raw token of an outbox email's magic link, or null. */
export function magicLinkTokenIn(email: Pick<OutboxEmail, 'htmlBody'>): string | null {
  const link = magicLinkIn(email);
  return link === null ? null : new URL(link).searchParams.get('token');
}
