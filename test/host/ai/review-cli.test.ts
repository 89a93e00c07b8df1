import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { CliIo } from '../../../host/cli/command.js';
import { reviewCommand } from '../../../host/cli/commands/review.js';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { findingChunks, StandinServer } from './standin-server.js';
import { modelFinding, tempDir } from './helpers.js';

function capture(env: Record<string, string | undefined>): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: appRoot, env, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('specbench review (FR-11)', () => {
  let standin: StandinServer;
  before(async () => (standin = await StandinServer.start()));
  after(() => standin.close());

  it('prints offline findings including account enumeration and token reuse, and exits 0, without a key (AC-5)', async () => {
    const home = tempDir();
    const env = { ...process.env, SPECBENCH_HOME: home, ANTHROPIC_API_KEY: '', ANTHROPIC_BASE_URL: '' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(appRoot, 'host/cli/run.ts'), 'review', 'samples/magic-link-draft.md', '--all', '--format', 'json'], {
      cwd: appRoot,
      env,
    });
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as { mode: string; findings: Array<{ rule: string; offline: boolean; line: number | null }>; passes: Array<{ status: string }> };
    assert.equal(report.mode, 'offline');
    const rules = report.findings.map((f) => f.rule);
    assert.ok(rules.includes('checklist/authentication/account-enumeration'), rules.join(', '));
    assert.ok(rules.includes('checklist/authentication/credential-reuse'), rules.join(', '));
    assert.ok(report.findings.every((f) => f.offline && typeof f.line === 'number'));
    assert.deepEqual(report.passes.map((p) => p.status), ['succeeded']);
    // execFile rejects on a non-zero exit, so reaching here means exit code 0.
  });

  it('streams findings as text and reports usage per pass with a key (ANTHROPIC_BASE_URL honoured)', async () => {
    const io = capture({ ANTHROPIC_API_KEY: 'sk-cli-test', ANTHROPIC_BASE_URL: standin.url, SPECBENCH_ALLOW_LOOPBACK_AI: '1', SPECBENCH_HOME: tempDir() });
    standin.enqueue({ kind: 'tool', name: 'report_findings', chunks: findingChunks({ findings: [modelFinding('Tokens must be secure.', { section: 'nonFunctional' })] }) });
    const code = await reviewCommand.run(['samples/magic-link-draft.md', '--pass', 'principal-review'], io);
    assert.equal(code, 0, io.err);
    assert.match(io.out, /^HIGH {3}nonFunctional \(line 26\): /m);
    assert.match(io.out, /principal-review: succeeded, \d+ ms, \d+ in \/ \d+ out/);
    assert.equal(standin.requests.at(-1)!.credential, 'sk-cli-test');
  });

  it('exits 2 when a pass fails', async () => {
    const io = capture({ ANTHROPIC_API_KEY: 'sk-bad', ANTHROPIC_BASE_URL: standin.url, SPECBENCH_ALLOW_LOOPBACK_AI: '1', SPECBENCH_HOME: tempDir() });
    standin.enqueue({ kind: 'status', status: 401 });
    const code = await runCli(['review', 'samples/magic-link-draft.md', '--pass', 'edge-case-hunt', '--format', 'json'], io);
    assert.equal(code, 2);
    const report = JSON.parse(io.out) as { passes: Array<{ error: { message: string } }> };
    assert.equal(report.passes[0].error.message, 'API key rejected');
  });

  it('exits 2 on bad usage and unreadable input', async () => {
    const env = { SPECBENCH_HOME: tempDir() };
    const cases: Array<[string[], RegExp]> = [
      [['review'], /exactly one Markdown file/],
      [['review', 'samples/magic-link-draft.md', '--pass', 'x', '--all'], /either --pass or --all/],
      [['review', 'samples/magic-link-draft.md', '--format', 'xml'], /--format must be one of text, json/],
      [['review', 'samples/nope.md'], /no such file/],
      [['review', 'samples/magic-link-draft.md', '--pass', 'no-such-pass'], /no pass "no-such-pass"/],
    ];
    for (const [argv, message] of cases) {
      const io = capture(env);
      assert.equal(await runCli(argv, io), 2, argv.join(' '));
      assert.match(io.err, message);
      assert.equal(io.err.trim().split('\n').length, 1, 'one line on stderr');
    }
  });
});
