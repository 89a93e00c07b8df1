import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import type { ValidationRun } from '../../../core/validate/results.js';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { launchEmbeddedServer } from '../../../host/server/launch.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('email criteria over SMTP (FR-5)', () => {
  it('AC-7: a server started on its own with SMTP_URL at the sink passes the email criteria, read from the sink, not the outbox', async (t) => {
    const smtpPort = await freePort();
    const server = await launchEmbeddedServer({ port: 0, dev: true, env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off` } });
    t.after(() => server.stop());
    let out = '';
    let err = '';
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), cwd: appRoot, env: {} };
    const code = await runCli(['validate', 'samples/magic-link.md', '--target', server.url, '--smtp-port', String(smtpPort), '--ac', 'AC-1,AC-2,AC-3,AC-6,AC-8', '--format', 'json'], io);
    const run = JSON.parse(out) as ValidationRun;
    assert.deepEqual(run.results.map((r) => `${r.id} ${r.status} ${r.message ?? ''}`.trim()), ['AC-1 passed', 'AC-2 passed', 'AC-3 passed', 'AC-6 passed', 'AC-8 passed'], err);
    assert.equal(code, 0);
    const outboxCalls = run.results.flatMap((r) => r.exchanges).filter((e) => e.url.includes('/__dev/outbox'));
    assert.deepEqual(outboxCalls, [], 'no email step read the outbox');
    assert.deepEqual(await server.outbox(), [], 'the server sent over SMTP: its outbox stayed empty');
  });
});
