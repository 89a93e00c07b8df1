import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Window } from 'happy-dom';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import type { ValidationRun } from '../../../core/validate/results.js';
import { DEFECT_NAMES } from '../../../embedded-server/defects.js';
import { tempDir } from '../../support/temp-dir.js';

async function validate(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: appRoot, env: {} };
  const code = await runCli(['validate', ...argv], io);
  return { code, out, err };
}

describe('specbench validate against the embedded server', () => {
  it('AC-1: the sample passes 10 of 10 criteria (json), each with its plan', async () => {
    const { code, out, err } = await validate('samples/magic-link.md', '--format', 'json');
    const run = JSON.parse(out) as ValidationRun;
    assert.deepEqual(run.results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.message}`), [], err);
    assert.equal(code, 0);
    assert.equal(run.summary.passed, 10);
    assert.equal(run.summary.total, 10);
    assert.match(run.results[0]!.plan, /POST \{\{base\}\}\/auth\/magic-link\/request/);
    assert.ok(run.results.find((r) => r.id === 'AC-9')!.notes?.some((n) => /Welch|max \|t\|/.test(n)), 'the timing criterion reports its statistics');
  });

  it("AC-2: the seed spec's own AC-1..AC-10 pass at least 9 of 10; AC-3 is undefined with its nearest steps", async () => {
    const { out } = await validate('test/fixtures/validate/seed-criteria.md', '--format', 'json');
    const run = JSON.parse(out) as ValidationRun;
    assert.ok(run.summary.passed >= 9, JSON.stringify(run.results.map((r) => [r.id, r.status, r.message])));
    const ac3 = run.results.find((r) => r.id === 'AC-3')!;
    if (ac3.status !== 'passed') {
      assert.equal(ac3.status, 'undefined');
      assert.equal(ac3.undefinedSteps?.[0]?.nearest.length, 3);
    }
  });

  it('AC-5: --format junit parses as XML with exactly one <testcase> per criterion; a defect shows as <failure> with a curl line', async () => {
    const { code, out } = await validate('samples/magic-link.md', '--format', 'junit', '--defect', 'no-expiry', '--ac', 'AC-4,AC-5,AC-6');
    assert.equal(code, 1);
    const doc = new new Window().DOMParser().parseFromString(out, 'application/xml');
    assert.equal(doc.querySelector('parsererror'), null);
    const cases = [...doc.querySelectorAll('testcase')];
    assert.deepEqual(cases.map((c) => c.getAttribute('name')), ['AC-4', 'AC-5', 'AC-6']);
    const failure = cases[1]!.querySelector('failure');
    assert.ok(failure, 'AC-5 fails against no-expiry');
    assert.match(failure.textContent ?? '', /curl -sS -i -X POST '.*\/auth\/magic-link\/verify' -H 'content-type: application\/json' --data-raw '\{"token":"[0-9a-f]{64}"\}'/);
    assert.equal(cases[0]!.children.length, 0, 'AC-4 passed');
  });
});

describe('specbench validate usage and target errors (exit 2)', () => {
  it('an unknown defect lists the valid names', async () => {
    const { code, err } = await validate('samples/magic-link.md', '--defect', 'no-such');
    assert.equal(code, 2);
    for (const name of DEFECT_NAMES) assert.ok(err.includes(name), name);
  });

  it('a spec without criteria names the sections it saw', async () => {
    const dir = tempDir('specbench-validate-');
    const file = join(dir, 'spec.md');
    writeFileSync(file, '# T\n\n## Context\nSome text.\n\n## Requirements\n- it works\n');
    const { code, err } = await validate(file);
    assert.equal(code, 2);
    assert.match(err, /no acceptance criteria found \(sections seen: Context, Requirements\)/);
  });

  it('a remote target needs --allow-remote; --defect needs the embedded target; a closed port is unreachable', async () => {
    assert.match((await validate('samples/magic-link.md', '--target', 'http://example.com')).err, /not loopback: pass --allow-remote/);
    assert.equal((await validate('samples/magic-link.md', '--target', 'http://127.0.0.1:1', '--defect', 'no-expiry')).code, 2);
    const down = await validate('samples/magic-link.md', '--target', 'http://127.0.0.1:1', '--format', 'json');
    assert.equal(down.code, 2);
    const run = JSON.parse(down.out) as ValidationRun;
    assert.ok(run.results.every((r) => r.status === 'error' && /target unreachable/.test(r.message ?? '')));
  });

  it('a target without the test-control contract makes its criteria undefined with the reason, never failed', async (t) => {
    const server = createServer((req, res) => {
      if (req.url === '/me') res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"UNAUTHENTICATED"}');
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    t.after(() => server.close());
    const dir = tempDir('specbench-validate-');
    const file = join(dir, 'spec.md');
    writeFileSync(file, '# T\n\n## Acceptance Criteria\n- **AC-1:** When GET /me is sent, then the response status is 401.\n- **AC-2:** Given an active user\'s registered email, when POST /auth/magic-link/request is sent with that address, then the response status is 202.\n- **AC-3:** the login works\n');
    const { code, out } = await validate(file, '--target', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, '--format', 'json');
    const run = JSON.parse(out) as ValidationRun;
    assert.equal(code, 1);
    assert.deepEqual(run.results.map((r) => r.status), ['undefined', 'undefined', 'undefined']);
    assert.match(run.results[0]!.message!, /target has no \/__dev\/reset/);
    assert.match(run.results[2]!.message!, /undefined step "the login works"/);
  });
});
