import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleIds } from '../../../core/lint/index.js';
import type { LintJson } from '../../../core/lint/output/json.js';
import { UsageError } from '../../../host/common/usage-error.js';
import { lintCommand } from '../../../host/cli/commands/lint.js';
import { appRoot } from '../../../host/paths.js';
import { tempDir } from '../../support/temp-dir.js';

async function run(argv: string[], cwd = appRoot) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd, env: {} };
  const code = await lintCommand.run(argv, io);
  return { code, out, err };
}

async function usageError(argv: string[], cwd = appRoot): Promise<string> {
  try {
    await run(argv, cwd);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  assert.fail(`expected a usage error for ${argv.join(' ')}`);
}

const AC_RULES = ruleIds.filter((id) => id.startsWith('ac/'));

describe('specbench lint', () => {
  it('AC-1: the complete magic-link sample has every AC binary and exits 0', async () => {
    const { code, out } = await run(['samples/magic-link.md', '--format', 'json']);
    const json = JSON.parse(out) as LintJson;
    assert.equal(json.file, 'samples/magic-link.md');
    const acs = json.items.filter((i) => i.kind === 'ac');
    assert.equal(acs.length, 10);
    assert.deepEqual(acs.filter((a) => a.binary !== true).map((a) => a.id), []);
    assert.equal(code, 0);
    const errors = [...json.items.flatMap((i) => i.findings), ...json.crossFindings].filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('AC-2: the draft has at least five non-binary ACs, each with an FR-2 rule id, and exits 1', async () => {
    const { code, out } = await run(['samples/magic-link-draft.md', '--format=json']);
    const json = JSON.parse(out) as LintJson;
    const failing = json.items.filter((i) => i.kind === 'ac' && i.binary === false);
    assert.ok(failing.length >= 5, `${failing.length} non-binary ACs`);
    for (const ac of failing) {
      assert.ok(ac.findings.some((f) => f.severity === 'error' && AC_RULES.includes(f.rule)), `${ac.id} names an AC rule`);
    }
    assert.equal(code, 1);
  });

  it('AC-3 and AC-4 through the command: the draft names its number conflict and its undefined endpoint', async () => {
    const json = JSON.parse((await run(['samples/magic-link-draft.md', '--format', 'json'])).out) as LintJson;
    const conflict = json.crossFindings.find((f) => f.rule === 'cross/number-conflict');
    assert.deepEqual(conflict?.places.map((p) => (p.kind === 'item' ? p.id : p.kind)), ['FR-3', 'AC-4']);
    const endpoint = json.crossFindings.find((f) => f.rule === 'cross/undefined-endpoint');
    assert.deepEqual(endpoint?.places.map((p) => (p.kind === 'item' ? p.id : p.kind)), ['AC-7']);
  });

  it('AC-6: SARIF 2.1.0 with every result on a listed rule, located by line and column', async () => {
    const { code, out } = await run(['samples/magic-link-draft.md', '--format', 'sarif']);
    assert.equal(code, 1);
    const log = JSON.parse(out) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }>;
    };
    assert.equal(log.version, '2.1.0');
    const listed = new Set(log.runs[0].tool.driver.rules.map((r) => r.id));
    assert.ok(log.runs[0].results.length > 0);
    for (const result of log.runs[0].results) {
      assert.ok(listed.has(result.ruleId), result.ruleId);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, 'samples/magic-link-draft.md');
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    }
  });

  it('text output shows the readiness score and grouped findings', async () => {
    const { code, out } = await run(['samples/magic-link-draft.md']);
    assert.equal(code, 1);
    assert.match(out, /^samples\/magic-link-draft\.md\nReadiness \d+\/100 · binary ACs 3\/9/);
    assert.match(out, /\nAcceptance criteria\n/);
    assert.match(out, /\nCross-section\n/);
  });

  it('uses the .specbench.json next to the spec, and --config instead when given', async () => {
    const dir = tempDir('specbench-lint-');
    // EARS, not Gherkin: "should" in a Gherkin Then step asserts (rubric), here it is a weak modal.
    writeFileSync(join(dir, 'spec.md'), '# T\n\n## Acceptance Criteria\n- AC-1: When the user presses Save, the response should be 200.\n');
    assert.equal((await run(['spec.md'], dir)).code, 1);
    writeFileSync(join(dir, '.specbench.json'), JSON.stringify({ rules: { 'ac/weak-modal': 'warning' } }));
    assert.equal((await run(['spec.md'], dir)).code, 0);
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { 'ac/weak-modal': 'error' } }));
    assert.equal((await run(['spec.md', '--config', 'strict.json'], dir)).code, 1);
  });

  it('a bad config is a usage error naming the file, the line and the key', async () => {
    const dir = tempDir('specbench-lint-');
    copyFileSync(join(appRoot, 'samples/magic-link.md'), join(dir, 'spec.md'));
    writeFileSync(join(dir, '.specbench.json'), '{\n  "rules": {\n    "ac/wek-modal": "off"\n  }\n}\n');
    assert.match(await usageError(['spec.md'], dir), /^\.specbench\.json:3:5: "rules\.ac\/wek-modal": unknown rule id/);
    writeFileSync(join(dir, 'broken.json'), '{\n  "rules": { "ac/weak-modal": off }\n}\n');
    assert.match(await usageError(['spec.md', '--config', 'broken.json'], dir), /^broken\.json:2:31: "rules\.ac\/weak-modal": invalid JSON/);
    assert.match(await usageError(['spec.md', '--config', 'missing.json'], dir), /missing\.json: no such file/);
  });

  it('bad usage and unreadable input are usage errors', async () => {
    assert.match(await usageError([]), /expected exactly one file/);
    assert.match(await usageError(['samples/magic-link.md', '--format', 'xml']), /--format must be one of text, json, sarif/);
    assert.match(await usageError(['samples/magic-link.md', '--fix']), /unknown option --fix/);
    assert.match(await usageError(['samples/nope.md']), /no such file/);
  });

  it('exit codes through the real CLI: 0, 1 and 2 with one line on stderr', () => {
    const cli = (args: string[]) => spawnSync(process.execPath, [join(appRoot, 'host/cli/bin.mjs'), 'lint', ...args], { cwd: appRoot, encoding: 'utf8' });
    assert.equal(cli(['samples/magic-link.md']).status, 0);
    assert.equal(cli(['samples/magic-link-draft.md', '--format', 'json']).status, 1);
    const bad = cli(['samples/nope.md']);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  });
});
