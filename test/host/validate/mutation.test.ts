import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import type { MutationReport } from '../../../host/validate/validate-spec.js';
import { compileCriterion } from '../../../core/validate/compile.js';
import { loadStepLibrary } from '../../../host/validate/steps.js';

async function mutation(file: string): Promise<{ code: number; report: MutationReport }> {
  let out = '';
  const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, cwd: appRoot, env: {} };
  const code = await runCli(['validate', file, '--all-defects', '--format', 'json'], io);
  return { code, report: JSON.parse(out) as MutationReport };
}

describe('specbench validate --all-defects (FR-6)', () => {
  it('AC-3: the sample lets email-failure-ignored, verify-race and suspended-gets-link through, each with a suggested criterion that compiles', async () => {
    const { code, report } = await mutation('samples/magic-link.md');
    assert.equal(code, 0, 'every criterion passed on the correct server');
    assert.equal(report.score.total, 12);
    assert.equal(report.matrix.length, 12);
    const surviving = report.surviving.map((s) => s.defect);
    for (const defect of ['email-failure-ignored', 'verify-race', 'suspended-gets-link']) assert.ok(surviving.includes(defect), `${defect} survives: ${surviving.join(', ')}`);
    assert.equal(report.score.killed, 12 - surviving.length);
    const library = loadStepLibrary();
    for (const s of report.surviving) {
      assert.match(s.suggestion, /^Given .+, when .+, then .+\.$/, `${s.defect}: written in the sample's Given/when/then style`);
      assert.deepEqual(compileCriterion('AC-99', s.suggestion, library).problems, [], `${s.defect}'s suggestion compiles`);
    }
    const killedByAc8 = report.matrix.find((m) => m.defect === 'plaintext-token')!;
    assert.ok(killedByAc8.killed && killedByAc8.killedBy.includes('AC-8'));
  });

  it('AC-3: magic-link-hardened.md kills all twelve defects', async () => {
    const { report } = await mutation('samples/magic-link-hardened.md');
    assert.deepEqual(report.matrix.filter((m) => !m.killed).map((m) => m.defect), []);
    assert.deepEqual(report.score, { killed: 12, total: 12 });
    assert.equal(report.correct.summary.passed, 15);
  });
});
