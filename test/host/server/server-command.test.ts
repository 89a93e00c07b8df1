import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../../host/common/usage-error.js';
import type { CliIo } from '../../../host/cli/command.js';
import { commands } from '../../../host/cli/commands/index.js';
import { runServerCommand, serverCommand } from '../../../host/cli/commands/server.js';

// `specbench server` through the CliCommand interface (host/cli/commands/server.ts).
function captureIo(env: Record<string, string | undefined> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: process.cwd(), env: { ...process.env, ...env } };
}

test('the command is registered as "server"', async () => {
  // The registry lists commands lazily; loading the entry named "server" yields this command.
  assert.equal(await commands.find((c) => c.name === 'server')?.load(), serverCommand);
  assert.equal(serverCommand.name, 'server');
  assert.match(serverCommand.usage, /--list-defects/);
});

test('--list-defects prints the twelve defects, one line each', async () => {
  const io = captureIo();
  assert.equal(await serverCommand.run(['--list-defects'], io), 0);
  const lines = io.out.join('').trimEnd().split('\n');
  assert.equal(lines.length, 12);
  assert.match(lines[0]!, /^plaintext-token\s+\S/);
  assert.ok(lines.every((l) => /^[a-z0-9-]+\s{2,}\S/.test(l)));
});

test('bad arguments are UsageErrors (exit 2); an unknown defect lists the valid names', async () => {
  for (const argv of [['--port', 'abc'], ['--bogus'], ['positional']]) {
    await assert.rejects(serverCommand.run(argv, captureIo()), UsageError, argv.join(' '));
  }
  const io = captureIo();
  await assert.rejects(serverCommand.run(['--defect', 'nope', '--port', '0'], io), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /unknown defect "nope"/);
    assert.match(error.message, /old-links-stay-valid/);
    assert.ok(!error.message.includes('\n'), 'one line');
    return true;
  });
  assert.deepEqual(io.err, [], 'the message is not printed twice');
});

test('runs in the foreground: prints the ready line and logs, stops on the signal with exit 0', async () => {
  const io = captureIo();
  const controller = new AbortController();
  const running = runServerCommand(['--dev', '--port', '0'], io, controller.signal);
  const deadline = Date.now() + 30_000;
  while (!io.out.some((t) => t.startsWith('listening on http://127.0.0.1:')) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const ready = io.out.find((t) => t.startsWith('listening on'));
  assert.ok(ready, io.err.join(''));
  const url = ready.trim().slice('listening on '.length);
  assert.equal((await fetch(`${url}/__dev/outbox`)).status, 200, '--dev was passed on');
  controller.abort();
  assert.equal(await running, 0);
  assert.ok(io.out.some((t) => t.includes('"msg":"stopped"')));
});
