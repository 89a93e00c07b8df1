import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';

const home = mkdtempSync(join(tmpdir(), 'specbench-eval-'));
after(() => rmSync(home, { recursive: true, force: true }));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: appRoot, env: { SPECBENCH_HOME: home } };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('specbench eval (FR-5, AC-6)', () => {
  it('prints recall per spec, per pass and overall on the shipped set, offline without a key', async () => {
    const { code, out, err } = await run(['eval', 'test/fixtures/review-eval']);
    assert.equal(code, 0, err);
    const specs = readdirSync(join(appRoot, 'test/fixtures/review-eval')).filter((n) => n.endsWith('.md'));
    assert.ok(specs.length >= 8);
    for (const name of specs) assert.match(out, new RegExp(`^${name.replace('.', '\\.')}: recall \\d+/\\d+ \\(\\d+%\\)  offline \\d+%$`, 'm'), name);
    const overall = /^Overall recall: (\d+)\/(\d+) \((\d+)%\)$/m.exec(out);
    assert.ok(overall, out);
    assert.ok(Number(overall[1]) / Number(overall[2]) >= 0.7);
    assert.match(out, /^Per pass: offline \d+%$/m);
    assert.match(out, /^Checklist findings outside the spec's domains: 0$/m);
    assert.match(out, /matched no planted gap: \d+ finding\(s\)/);
  });

  it('reports a missed gap, and --min-recall turns low recall into exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specbench-eval-set-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(join(appRoot, 'test/fixtures/review-eval/refunds.md'), join(dir, 'refunds.md'));
    writeFileSync(
      join(dir, 'refunds.gaps.json'),
      JSON.stringify({ domains: ['payments'], gaps: [
        { id: 'duplicate-refund', description: 'Same refund twice.', rules: ['checklist/payments/duplicate-request'] },
        { id: 'tax', description: 'Refunds of taxed orders are not covered.', rules: ['checklist/payments/no-such-item'] },
      ] }),
    );
    writeFileSync(join(dir, 'notes.md'), '# Notes without a sidecar\n');
    const ok = await run(['eval', dir, '--format', 'json']);
    assert.equal(ok.code, 0, ok.err);
    const report = JSON.parse(ok.out) as { recall: number; planted: number; skipped: string[]; specs: Array<{ score: { gaps: Array<{ id: string; raisedBy: string[] }> } }> };
    assert.equal(report.planted, 2);
    assert.equal(report.recall, 0.5);
    assert.deepEqual(report.skipped, ['notes.md']);
    assert.deepEqual(report.specs[0].score.gaps.map((g) => [g.id, g.raisedBy]), [['duplicate-refund', ['offline']], ['tax', []]]);
    const text = await run(['eval', dir]);
    assert.match(text.out, /^ {2}MISSED {2}tax: Refunds of taxed orders are not covered\.$/m);
    assert.equal((await run(['eval', dir, '--min-recall', '80'])).code, 1);
  });

  it('exits 2 with the file and field named when a sidecar is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specbench-eval-bad-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'a.md'), '# A\n');
    writeFileSync(join(dir, 'a.gaps.json'), JSON.stringify({ domains: [], gaps: [{ id: 'x', description: 'd' }] }));
    const { code, err } = await run(['eval', dir]);
    assert.equal(code, 2);
    assert.match(err, /a\.gaps\.json: gaps\.0: a gap needs rules or terms/);
  });
});
