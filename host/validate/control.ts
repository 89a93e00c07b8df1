import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Exchange } from '../../core/validate/results.js';
import { send } from './http.js';

/** The target lacks part of the test-control contract: the dependent criterion is undefined, not failed. */
export class ControlUnavailableError extends Error {
  override name = 'ControlUnavailableError';
}

export interface Mail {
  to: string;
  subject: string;
  htmlBody: string;
}

/** Where emails are read from: the target's `/__dev/outbox`, or the validator's own SMTP sink. */
export interface MailSource {
  list(to?: string): Promise<Mail[]>;
  clear(): Promise<void>;
}

const userAnswer = z.object({ userId: z.string() });
const mails = z.array(z.object({ to: z.string(), subject: z.string(), htmlBody: z.string() }).loose());
const rows = z.array(z.record(z.string(), z.unknown()));
const logs = z.array(z.object({ level: z.string(), msg: z.string() }).loose());

/**
 * The test-control contract (README: "Test-control contract") over HTTP. Every call's exchange is
 * recorded as evidence; a 404 means the target does not offer that part.
 */
export function createControl(base: string, record: (e: Exchange) => void, mail?: MailSource) {
  const call = async <T>(method: string, path: string, schema: z.ZodType<T>, json?: unknown): Promise<T> => {
    const { answer, exchange } = await send(base, method, path, { json });
    record(exchange);
    const route = path.split('?')[0];
    if (answer.status === 404 || answer.status === 405) throw new ControlUnavailableError(`target has no ${route} (answered ${answer.status})`);
    if (answer.status >= 400) throw new Error(`${method} ${route} answered ${answer.status} ${answer.text.slice(0, 200)}`);
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new ControlUnavailableError(`${route} answered an unexpected body: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  };
  const q = (path: string, name: string, value?: string): string => (value === undefined ? path : `${path}?${new URLSearchParams({ [name]: value })}`);
  return {
    async reset(): Promise<void> {
      await call('POST', '/__dev/reset', z.unknown());
      await mail?.clear();
    },
    async user(status: 'active' | 'suspended' | 'unknown', password?: string): Promise<{ email: string; userId: string | null }> {
      const email = `v-${randomBytes(6).toString('hex')}@example.com`;
      if (status === 'unknown') return { email, userId: null };
      const { userId } = await call('POST', '/__dev/users', userAnswer, { email, status, ...(password ? { password } : {}) });
      return { email, userId };
    },
    setStatus: (email: string, status: string) => call('PATCH', '/__dev/users', z.unknown(), { email, status }),
    emails: async (to?: string): Promise<Mail[]> => (mail ? mail.list(to) : call('GET', q('/__dev/outbox', 'to', to), mails)),
    tokens: (email?: string) => call('GET', q('/__dev/tokens', 'email', email), rows),
    logs: () => call('GET', '/__dev/logs', logs),
    clock: (advanceMs: number) => call('POST', '/__dev/clock', z.unknown(), { advanceMs }),
    failEmails: (count: number) => call('POST', '/__dev/email-failures', z.unknown(), { count }),
  };
}

export type Control = ReturnType<typeof createControl>;
