import assert from 'node:assert/strict';
import type { Express } from 'express';
import fc from 'fast-check';
import { adversarialBytes, adversarialJson, deepJsonText, hugeNumber, type Scale } from '../support/adversarial.js';
import { withinBudget, type FuzzTarget } from '../support/harness.js';
import { startTestServer } from '../../embedded-server/support/test-server.js';

type CaseOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

interface Route {
  method: string;
  path: string;
}

/** Every route the app mounts, read from Express' router (so a new route is fuzzed without a list to update). */
export function routesOf(app: Express): Route[] {
  const routes: Route[] = [];
  const walk = (stack: unknown[]): void => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack);
  return routes;
}

const FIELDS = ['email', 'password', 'token', 'status', 'count', 'advanceMs', 'to'];

function fieldValue(scale: Scale): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom('alice@example.com', 'bob@example.com', 'carol@example.com', ' ALICE@Example.com ', 'a@b', '@', 'x'.repeat(400) + '@example.com', 'active', 'suspended', 'correct-horse-battery-staple', 'f'.repeat(64)),
    fc.emailAddress(),
    hugeNumber(),
    fc.integer({ min: 0, max: 1_000_000 }),
    adversarialJson(scale),
  );
}

/**
 * Every embedded-server route (dev API included) in process on a real PostgreSQL, with bodies that
 * fit, bodies that almost fit, adversarial JSON, raw bytes (invalid UTF-8), odd content types and
 * encodings, query strings and cookies. Properties: an answer within the budget, never a 5xx for
 * client input (503 EMAIL_SEND_FAILED only after the dev API asked for failures), and every error
 * is the JSON `{"error": CODE}` envelope.
 */
export const embeddedServerTarget: FuzzTarget = {
  name: 'embedded-server',
  async setup(scale) {
    const server = await startTestServer({ dev: true });
    const { createApp } = await import('../../../embedded-server/app.js');
    const { createLogger } = await import('../../../embedded-server/log.js');
    const routes = routesOf(createApp({ pool: server.pool, logger: createLogger({ level: 'silent' }), dev: true, appBaseUrl: server.baseUrl }));
    assert.ok(routes.length >= 10, `the app's routes are found (${routes.length})`);
    const fitting = fc.dictionary(fc.constantFrom(...FIELDS), fieldValue(scale), { maxKeys: 3 });
    const body = fc.oneof(
      { weight: 4, arbitrary: fitting.map((v) => ({ kind: 'json' as const, value: v as unknown })) },
      { weight: 2, arbitrary: adversarialJson(scale).map((v) => ({ kind: 'json' as const, value: v })) },
      { weight: 2, arbitrary: adversarialBytes('test').map((v) => ({ kind: 'bytes' as const, value: v as unknown })) },
      { weight: 1, arbitrary: deepJsonText(scale).map((v) => ({ kind: 'bytes' as const, value: new TextEncoder().encode(v) as unknown })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const, value: undefined as unknown }) },
    );
    const query = fc.oneof(
      fc.constant(''),
      fc.dictionary(fc.constantFrom('to', 'email', 'token', 'x'), fc.oneof(fc.string({ maxLength: 40 }), fc.emailAddress()), { maxKeys: 3 }).map((q) => `?${new URLSearchParams(q as Record<string, string>)}`),
      fc.constantFrom('?to=%E0%A4%A', '?email=%', '?email[]=a&email[]=b', '?email[$gt]=', '?to=' + 'a'.repeat(5_000), '?__proto__[x]=1', '?token=%00'),
    );
    const input = fc.record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), { freq: 6 }),
      pathSuffix: fc.constantFrom('', '', '', '/', '%', '/..', '%2e%2e', '?'),
      query,
      body,
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
      contentEncoding: fc.constantFrom(undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'identity', 'bogus'),
      cookie: fc.option(fc.oneof(fc.string({ maxLength: 200 }).map((s) => `auth_token=${encodeURIComponent(s)}`), fc.constant('auth_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'), fc.constant('auth_token=%')), { freq: 4 }),
    });
    return {
      input,
      async check(raw) {
        const c = raw as CaseOf<typeof input>;
        const method = c.otherMethod ?? c.route.method;
        const headers: Record<string, string> = {};
        let payload: Blob | string | undefined;
        if (c.body.kind !== 'none' && method !== 'GET' && method !== 'HEAD') {
          payload = c.body.kind === 'json' ? JSON.stringify(c.body.value) ?? 'null' : new Blob([Buffer.from(c.body.value as Uint8Array)]);
          if (c.contentType) headers['content-type'] = c.contentType;
          if (c.contentEncoding) headers['content-encoding'] = c.contentEncoding;
        }
        if (c.cookie) headers.cookie = c.cookie;
        const url = `${server.baseUrl}${c.route.path}${c.pathSuffix}${c.query}`;
        const res = await withinBudget(
          async () => {
            const response = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(10_000), redirect: 'manual' });
            return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
          },
          5_000,
          `${method} ${c.route.path}`,
        );
        const logged = server.logLines.filter((l) => l.includes('"unhandled error"')).pop()?.slice(0, 600) ?? '';
        const where = `${method} ${c.route.path}${c.pathSuffix}${c.query.slice(0, 60)} [${c.contentType}; ${c.contentEncoding ?? 'no encoding'}] → ${res.status} ${res.text.slice(0, 200)} ${logged}`;
        assert.ok(res.status < 500 || (res.status === 503 && res.text.includes('EMAIL_SEND_FAILED')), `a client's input got a server error: ${where}`);
        if (res.status >= 400 && method !== 'HEAD') {
          assert.match(res.type, /^application\/json/, `errors are JSON: ${where}`);
          const parsed = JSON.parse(res.text) as { error?: unknown };
          assert.equal(typeof parsed.error, 'string', `errors are {"error": CODE}: ${where}`);
        }
      },
      teardown: () => server.close(),
    };
  },
};
