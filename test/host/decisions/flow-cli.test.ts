import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricsCommand } from '../../../host/cli/commands/metrics.js';
import { specCommand } from '../../../host/cli/commands/spec.js';
import { specRequiredCommand } from '../../../host/cli/commands/spec-required.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { tempDir } from '../store/helpers.js';
import { cli } from './support.js';

function addSpecs(home: string, titles: string[], frontMatter = ''): number[] {
  const store = openSpecStore(home);
  try {
    return titles.map((title) => store.createSpec({ source: { kind: 'markdown', markdown: `---\n${frontMatter}---\n\n# ${title}\n\n## Context\n\nWhy.\n`, fileName: `${title}.md` } }).spec.id);
  } finally {
    store.close();
  }
}

interface MetricsJson {
  specs: Array<{ specId: number; title: string; daysToStart: number; soFar: boolean; flagged: boolean; daysInReview: number | null; stage: string }>;
  months: Array<{ month: string; count: number; medianDays: number; p90Days: number; flagged: number }>;
  flaggedCount: number;
}

test('AC-4: approved on day 0 and started on day 9 is flagged in specbench metrics --format json; started on day 3 is not; approved and not started counts so far', async (t) => {
  const home = tempDir(t);
  const run = cli(home);
  const [slow, quick, waiting] = addSpecs(home, ['Slow start', 'Quick start', 'Still waiting']);
  for (const [id, start] of [[slow, '2026-10-10'], [quick, '2026-10-04']] as const) {
    assert.equal((await run(specCommand, 'status', String(id), 'in-review', '--at', '2026-09-29', '--actor', 'Priya')).code, 0);
    await run(specCommand, 'status', String(id), 'approved', '--at', '2026-10-01', '--actor', 'Lena');
    await run(specCommand, 'status', String(id), 'implementation-started', '--at', start, '--actor', 'Omar');
  }
  await run(specCommand, 'status', String(waiting), 'approved', '--at', '2020-01-01');
  const out = await run(metricsCommand, '--format', 'json', '--since', '2026-01-01');
  const m = JSON.parse(out.stdout) as MetricsJson;
  assert.deepEqual(m.specs.map((s) => [s.title, s.daysToStart, s.flagged, s.soFar, s.daysInReview, s.stage]), [
    ['Slow start', 9, true, false, 2, 'implementation-started'],
    ['Quick start', 3, false, false, 2, 'implementation-started'],
  ]);
  assert.deepEqual(m.months, [{ month: '2026-10', count: 2, medianDays: 6, p90Days: 8.4, flagged: 1 }]);

  const all = JSON.parse((await run(metricsCommand, '--format', 'json')).stdout) as MetricsJson;
  const open = all.specs.find((s) => s.title === 'Still waiting')!;
  assert.equal(open.soFar, true);
  assert.equal(open.flagged, true);
  assert.ok(open.daysToStart > 7);
  const text = (await run(metricsCommand)).stdout;
  assert.match(text, /! #\d+ Still waiting — approved, \d+(\.\d)? d so far/);
  assert.match(text, /! #\d+ Slow start — implementation-started, 9 d, 2 d in review/);
  assert.match(text, /  #\d+ Quick start — implementation-started, 3 d, 2 d in review/);
  const csv = (await run(metricsCommand, '--format', 'csv', '--since', '2026-01-01')).stdout.split('\r\n');
  assert.equal(csv[0], 'spec_id,title,stage,approved_at,implementation_start_at,source,days_to_start,so_far,flagged,days_in_review');
  assert.match(csv[1], /^\d+,Slow start,implementation-started,2026-10-01T00:00:00\.000Z,2026-10-10T00:00:00\.000Z,manual,9,no,yes,2$/);
  await assert.rejects(run(metricsCommand, '--since', 'last tuesday'), /--since must be a date/);
  await assert.rejects(run(specCommand, 'status', String(slow), 'shipped'), /the stage must be one of draft, in-review, approved, implementation-started, done/);
});

function git(cwd: string, args: string[], date?: string) {
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', ...(date ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date } : {}) }, stdio: 'pipe' });
}

test('AC-5: in a temporary git repository, a commit naming the spec id two days after approval sets implementation start to its time; a manual start wins', async (t) => {
  const home = tempDir(t);
  const repo = tempDir(t, 'specbench-repo-');
  const [specId] = addSpecs(home, ['Magic links'], 'id: AUTH-7\nimplementation:\n  - src/auth/**\n');
  const run = cli(home, repo);
  git(repo, ['init', '-q', '-b', 'main']);
  writeFileSync(join(repo, 'README.md'), 'x\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'Mention AUTH-7 before approval'], '2026-10-01T08:00:00Z');
  writeFileSync(join(repo, 'notes.txt'), 'y\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'Unrelated change'], '2026-10-02T09:00:00Z');
  writeFileSync(join(repo, 'b.txt'), 'z\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'Start AUTH-7: token table'], '2026-10-03T10:00:00Z');

  const off = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as { detection: { status: string; reason: string } };
  assert.deepEqual([off.detection.status, off.detection.reason], ['off', `spec ${specId} has no approval yet; detection starts after approval`]);
  await run(specCommand, 'status', String(specId), 'approved', '--at', '2026-10-01T10:00:00Z');
  const found = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as {
    detection: { status: string; at: string; subject: string; reason: string };
    recorded: boolean;
    effective: { at: string; source: string };
  };
  assert.deepEqual([found.detection.status, found.detection.at, found.detection.subject, found.detection.reason], ['found', '2026-10-03T10:00:00.000Z', 'Start AUTH-7: token table', 'message']);
  assert.deepEqual(found.effective, { at: '2026-10-03T10:00:00.000Z', source: 'detected' });
  assert.equal(found.recorded, true);
  const again = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as { recorded: boolean };
  assert.equal(again.recorded, false, 'the same commit is recorded once');
  const m = JSON.parse((await run(metricsCommand, '--format', 'json')).stdout) as MetricsJson;
  assert.equal(m.specs[0].daysToStart, 2);

  await run(specCommand, 'status', String(specId), 'implementation-started', '--at', '2026-10-05T10:00:00Z');
  const manual = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as { effective: { at: string; source: string } };
  assert.deepEqual(manual.effective, { at: '2026-10-05T10:00:00.000Z', source: 'manual' });
});

test('AC-5 paths: a commit touching an implementation glob counts; outside a repository or without git detection is off with the reason', async (t) => {
  const home = tempDir(t);
  const repo = tempDir(t, 'specbench-repo-');
  const [specId] = addSpecs(home, ['Exports'], 'implementation: "src/export/**"\n');
  const run = cli(home, repo);
  await run(specCommand, 'status', String(specId), 'approved', '--at', '2026-10-01T00:00:00Z');
  const outside = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as { detection: { status: string; reason: string } };
  assert.equal(outside.detection.status, 'off');
  assert.match(outside.detection.reason, /is not in a git repository; set implementation start by hand/);
  git(repo, ['init', '-q', '-b', 'main']);
  execFileSync('mkdir', ['-p', join(repo, 'src', 'export')]);
  writeFileSync(join(repo, 'src', 'export', 'csv.ts'), 'export {};\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'First exporter'], '2026-10-04T12:00:00Z');
  const found = JSON.parse((await run(specCommand, 'detect', String(specId), '--format', 'json')).stdout) as { detection: { status: string; reason: string; at: string } };
  assert.deepEqual([found.detection.status, found.detection.reason, found.detection.at], ['found', 'path', '2026-10-04T12:00:00.000Z']);
  let out = '';
  await specCommand.run(['detect', String(specId), '--format', 'json'], { stdout: (s) => (out += s), stderr: () => {}, cwd: repo, env: { SPECBENCH_HOME: home, PATH: join(repo, 'no-such-bin') } });
  const noGit = JSON.parse(out) as { detection: { status: string; reason: string } };
  assert.deepEqual([noGit.detection.status, noGit.detection.reason], ['off', 'git is not installed (or not on PATH); set implementation start by hand']);
});

test('spec-required: flags give a recommendation with reasons, stored with the spec; missing answers are a usage error', async (t) => {
  const home = tempDir(t);
  const run = cli(home);
  const [specId] = addSpecs(home, ['Payments']);
  const yes = await run(specRequiredCommand, '--architecture', 'no', '--teams', 'yes', '--security', 'yes', '--alternatives', 'no', '--integration', 'no', '--engineers', '2', '--months', '12', '--spec', String(specId), '--format', 'json');
  const stored = JSON.parse(yes.stdout) as { recommendation: string; reasons: string[]; specId: number };
  assert.deepEqual([stored.recommendation, stored.reasons, stored.specId], ['spec', ['several teams must coordinate', 'security or compliance implications'], specId]);
  const thumb = await run(specRequiredCommand, '--architecture', 'no', '--teams', 'no', '--security', 'no', '--alternatives', 'no', '--integration', 'no', '--engineers', '3', '--months', '7');
  assert.equal(thumb.stdout, 'Write a spec.\n  - input from 3 engineers (more than two) on a decision lasting 7 months (more than six)\n');
  const none = await run(specRequiredCommand, '--architecture', 'no', '--teams', 'no', '--security', 'no', '--alternatives', 'no', '--integration', 'no', '--engineers', '3', '--months', '6', '--format', 'markdown');
  assert.equal(none.stdout, '**Spec required?** No spec needed.\n- none of the five criteria applies and the decision lasts 6 months (six or fewer): move directly to implementation\n');
  await assert.rejects(run(specRequiredCommand, '--teams', 'yes'), /missing --architecture, --security, --alternatives, --integration, --engineers, --months/);
  await assert.rejects(run(specRequiredCommand, '--architecture', 'maybe', '--teams', 'no', '--security', 'no', '--alternatives', 'no', '--integration', 'no', '--engineers', '1', '--months', '1'), /--architecture must be yes or no/);
});
