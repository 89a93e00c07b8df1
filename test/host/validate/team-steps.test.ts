import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { loadLintConfig } from '../../../host/lint/config-file.js';
import { loadStepLibrary } from '../../../host/validate/steps.js';
import { compileSpec } from '../../../host/validate/validate-spec.js';
import { tempDir } from '../../support/temp-dir.js';

const SPEC = '# T\n\n## Acceptance Criteria\n- **AC-1:** When GET /me is sent, then the service refuses it with 401.\n';

test("a team's phrase in .specbench.json binds to a library expression, so their wording needs no code", async (t) => {
  const dir = tempDir('specbench-validate-', t);
  writeFileSync(join(dir, '.specbench.json'), JSON.stringify({ steps: { 'the service refuses it with {status}': 'the response status is {status}' } }));
  writeFileSync(join(dir, 'spec.md'), SPEC);
  const config = await loadLintConfig(join(dir, '.specbench.json'));
  const [withTeam] = compileSpec(SPEC, loadStepLibrary(config.steps));
  assert.deepEqual(withTeam!.problems, []);
  assert.equal(withTeam!.steps[1]!.definition, 'team: the service refuses it with {status}');
  const [without] = compileSpec(SPEC, loadStepLibrary());
  assert.equal(without!.problems[0]?.kind, 'undefined');
});

test('a team phrase mapped to no library expression is a usage error naming it (exit 2)', async (t) => {
  const dir = tempDir('specbench-validate-', t);
  writeFileSync(join(dir, '.specbench.json'), JSON.stringify({ steps: { 'it is refused': 'no such expression' } }));
  writeFileSync(join(dir, 'spec.md'), SPEC);
  let err = '';
  const code = await runCli(['validate', join(dir, 'spec.md')], { stdout: () => undefined, stderr: (s) => void (err += s), cwd: appRoot, env: {} });
  assert.equal(code, 2);
  assert.match(err, /"it is refused" maps to "no such expression", which is no step expression/);
});
