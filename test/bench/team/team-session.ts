import type { Envelope } from '../../../core/contract/define.js';

/** One signed-in browser, as the bench drives it: the session cookie, the CSRF token, an SSE stream. */
export interface TeamSession {
  base: string;
  email: string;
  cookie: string;
  csrf: string;
  call<T>(name: string, args: unknown): Promise<T>;
  /** Opens `/api/events` and calls `onEvent` with each frame until `close`. */
  listen(onEvent: (name: string, payload: unknown, receivedAt: number) => void): Promise<() => void>;
}

function cookieOf(reply: Response): string {
  const line = reply.headers.getSetCookie().find((c) => c.startsWith('specbench_session='));
  if (!line) throw new Error(`no session cookie (HTTP ${reply.status})`);
  return line.split(';', 1)[0]!;
}

/** Accepts an invitation (sets the password) and returns the signed-in session it opens. */
export async function acceptInvitation(link: string, base: string, email: string, password: string): Promise<TeamSession> {
  const path = new URL(link).pathname;
  const reply = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ password }),
    redirect: 'manual',
  });
  const body = (await reply.json()) as Envelope<{ csrfToken: string }>;
  if (!body.ok) throw new Error(`invitation for ${email} refused: ${body.error.message}`);
  return session(base, email, cookieOf(reply), body.value.csrfToken);
}

export function session(base: string, email: string, cookie: string, csrf: string): TeamSession {
  return {
    base,
    email,
    cookie,
    csrf,
    async call<T>(name: string, args: unknown): Promise<T> {
      const reply = await fetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Specbench-Token': csrf },
        body: JSON.stringify(args),
      });
      const body = (await reply.json()) as Envelope<T>;
      if (!body.ok) throw new Error(`${name} as ${email}: HTTP ${reply.status} ${body.error.code}: ${body.error.message}`);
      return body.value;
    },
    async listen(onEvent) {
      const controller = new AbortController();
      const reply = await fetch(`${base}/api/events?token=${encodeURIComponent(csrf)}`, { headers: { Cookie: cookie, Accept: 'text/event-stream' }, signal: controller.signal });
      if (!reply.ok || !reply.body) throw new Error(`event stream for ${email}: HTTP ${reply.status}`);
      const reader = reply.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            const receivedAt = performance.timeOrigin + performance.now();
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const name = /^event: (.*)$/m.exec(frame)?.[1];
              const data = /^data: (.*)$/m.exec(frame)?.[1];
              if (name && data !== undefined) onEvent(name, JSON.parse(data), receivedAt);
            }
          }
        } catch {
          // Aborted at the end of the run.
        }
      })();
      return () => controller.abort();
    },
  };
}
