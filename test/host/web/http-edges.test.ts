import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { HostContext } from '../../../host/handlers/context.js';
import { createHandlers } from '../../../host/handlers/index.js';
import { disposeHostServices } from '../../../host/services.js';
import { createBrowserContext } from '../../../host/launch/browser-context.js';
import { startWebHost, type WebHost } from '../../../host/web/server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** An error the client saw after the answer arrived (the server closing while the client still wrote). */
  lateError: string | null;
}

/**
 * A raw request: the body is written in `chunkSize` pieces and writing stops as soon as the
 * answer arrives, as a well-behaved client does. Resolves with the answer; rejects only when
 * the connection failed before any answer (a reset instead of a status).
 */
function raw(host: WebHost, path: string, options: { headers?: Record<string, string | number>; body?: Buffer; chunkSize?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered: Answer | null = null;
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        answered = { status: res.statusCode ?? 0, headers: res.headers, body, lateError: null };
        resolve(answered);
      });
    });
    req.on('error', (error) => {
      if (answered) answered.lateError = error.message;
      else reject(error);
    });
    const body = options.body ?? Buffer.alloc(0);
    const size = options.chunkSize ?? body.length;
    let offset = 0;
    const pump = () => {
      while (offset < body.length && !answered && !req.destroyed) {
        const chunk = body.subarray(offset, offset + size);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

describe('browser-mode host: HTTP edges (issue 10 FR-5)', () => {
  let host: WebHost;
  let context: HostContext;
  const dir = mkdtempSync(join(tmpdir(), 'specbench-edges-'));
  before(async () => {
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'static', 'index.html'), '<p>');
    context = createBrowserContext({ initialPath: null, emit: () => undefined, env: { SPECBENCH_HOME: join(dir, 'home') } });
    host = await startWebHost({ handlers: createHandlers(context), staticDir: join(dir, 'static'), port: 0 });
  });
  after(async () => {
    await host.close();
    await disposeHostServices(context);
    rmSync(dir, { recursive: true, force: true });
  });
  const token = () => ({ 'x-specbench-token': host.token, 'content-type': 'application/json' });
  const errorOf = (answer: Answer) => (JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } }).error;
  const alive = async () => {
    const info = await raw(host, '/api/app.info', { headers: token(), body: Buffer.from('{}') });
    assert.equal(info.status, 200);
    assert.equal(JSON.parse(info.body).ok, true);
  };

  it('answers 413 to a declared length over 12 MB, before reading the body, instead of resetting the connection', async () => {
    const body = Buffer.alloc(13 * 1024 * 1024, 0x20);
    const answer = await raw(host, '/api/app.info', { headers: { ...token(), 'content-length': body.length }, body, chunkSize: 64 * 1024 });
    assert.equal(answer.status, 413);
    assert.equal(errorOf(answer).code, 'TOO_LARGE');
    assert.equal(answer.headers.connection, 'close');
    await alive();
  });

  it('answers 413 to a chunked body once it passes 12 MB', async () => {
    const body = Buffer.alloc(14 * 1024 * 1024, 0x20);
    const answer = await raw(host, '/api/app.info', { headers: { ...token(), 'transfer-encoding': 'chunked' }, body, chunkSize: 256 * 1024 });
    assert.equal(answer.status, 413);
    assert.match(errorOf(answer).message, /over 12 MB/);
    await alive();
  });

  it('answers 400 to a malformed percent-encoding in the operation name', async () => {
    for (const path of ['/api/app.%E0%A4%A', '/api/%', '/api/app.info%ZZ']) {
      const answer = await raw(host, path, { headers: token(), body: Buffer.from('{}') });
      assert.equal(answer.status, 400, path);
      assert.equal(errorOf(answer).code, 'INVALID_OPERATION_NAME');
    }
    await alive();
  });

  it('answers 415 to any Content-Encoding, with a plain or a compressed body', async () => {
    const cases: Array<[string, Buffer]> = [
      ['gzip', Buffer.from('{}')],
      ['gzip', gzipSync('{}')],
      ['br', Buffer.from('{}')],
      ['deflate, gzip', Buffer.from('{}')],
      ['x-unknown', Buffer.from('{}')],
    ];
    for (const [encoding, body] of cases) {
      const answer = await raw(host, '/api/app.info', { headers: { ...token(), 'content-encoding': encoding }, body });
      assert.equal(answer.status, 415, encoding);
      assert.equal(errorOf(answer).code, 'UNSUPPORTED_CONTENT_ENCODING');
    }
    const identity = await raw(host, '/api/app.info', { headers: { ...token(), 'content-encoding': 'identity' }, body: Buffer.from('{}') });
    assert.equal(identity.status, 200);
  });

  it('answers no client mistake with a 500', async () => {
    const mistakes: Array<{ path: string; headers?: Record<string, string>; body?: string }> = [
      { path: '/api/app.info', body: '{"unterminated' },
      { path: '/api/app.info', body: '\u0000\u00ff' },
      { path: '/api/specs.get', body: '[]' },
      { path: '/api/specs.get', body: 'null' },
      { path: '/api/specs.get', body: '{"id":"1"}' },
      { path: '/api/no.such.operation', body: '{}' },
      { path: '/api/', body: '{}' },
      { path: '/api/app.info', headers: { 'content-type': 'text/plain' }, body: '{}' },
      { path: '/api/%2e%2e/%2e%2e/etc/passwd', body: '{}' },
    ];
    for (const m of mistakes) {
      const answer = await raw(host, m.path, { headers: { ...token(), ...m.headers }, body: Buffer.from(m.body ?? '') });
      assert.ok(answer.status < 500, `${m.path} ${m.body}: ${answer.status} ${answer.body}`);
    }
    await alive();
  });
});
