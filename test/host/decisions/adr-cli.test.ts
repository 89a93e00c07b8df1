import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adrCommand } from '../../../host/cli/commands/adr.js';
import { appRoot } from '../../../host/paths.js';
import { openSpecStore } from '../../../host/store/spec-store.js';
import { DecisionStore } from '../../../host/store/decisions.js';
import { saveAdrText } from '../../../host/adr/edit-adr.js';
import { tempDir } from '../store/helpers.js';
import { cli } from './support.js';

const fixtures = join(appRoot, 'test', 'fixtures', 'adr');

interface ImportJson {
  added: number;
  updated: number;
  unchanged: number;
  files: Array<{ fileName: string; action: string; number: number | null; title: string; status: string; date: string | null; links: string[]; problems: string[] }>;
}

for (const format of ['madr4', 'madr3', 'madr2', 'nygard', 'log4brains']) {
  test(`AC-3: adr import of a ${format} folder maps every record and lists nothing as lost; re-import changes nothing`, async (t) => {
    const home = tempDir(t);
    const run = cli(home);
    const dir = join(fixtures, format);
    const first = await run(adrCommand, 'import', dir, '--log', format, '--format', 'json');
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout) as ImportJson;
    const files = readdirSync(dir).sort();
    assert.equal(report.added, files.length);
    for (const f of report.files) {
      assert.deepEqual(f.problems, [], `${f.fileName} reported something lost`);
      assert.ok(f.title && f.status && f.date, `${f.fileName} has title, status and date`);
    }
    assert.ok(report.files.some((f) => f.links.length > 0) || format === 'madr3', 'links are kept');
    const text = await run(adrCommand, 'import', dir, '--log', format);
    assert.match(text.stdout, new RegExp(`0 added, 0 updated, ${files.length} unchanged`));
    assert.match(text.stdout, /Nothing was lost: every record mapped\./);
    // Import then export in the same layout writes every untouched record byte for byte.
    if (format !== 'log4brains') {
      const out = tempDir(t, 'specbench-adr-out-');
      const exported = await run(adrCommand, 'export', '--out', out, '--log', format, '--format', format === 'nygard' ? 'nygard' : 'madr');
      assert.equal(exported.code, 0, exported.stdout);
      for (const f of files) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(dir, f), 'utf8'), f);
      assert.match(readFileSync(join(out, 'README.md'), 'utf8'), /^# Architectural Decision Records\n\n- \[0001 /);
    }
  });
}

test('import reports a link to a missing record and two records sharing a number, keeping both', async (t) => {
  const home = tempDir(t);
  const dir = tempDir(t, 'specbench-adr-in-');
  writeFileSync(join(dir, '0002-first.md'), '# 2. First\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSupersedes [7. Gone](0007-gone.md)\n');
  writeFileSync(join(dir, '0002-second.md'), '# 2. Second\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n');
  const run = cli(home);
  const r = await run(adrCommand, 'import', dir);
  assert.match(r.stdout, /0002-first\.md[^\n]*\n\s+not mapped: link to 0007 not found \(kept as written\)/);
  assert.match(r.stdout, /not mapped: number 2 is used by 2 records \(0002-first\.md, 0002-second\.md\); both kept/);
  const list = JSON.parse((await run(adrCommand, 'list', '--format', 'json')).stdout) as { adrs: Array<{ number: number; fileName: string }> };
  assert.deepEqual(list.adrs.map((a) => [a.number, a.fileName]), [[2, '0002-first.md'], [2, '0002-second.md']]);
  const out = tempDir(t, 'specbench-adr-out-');
  const renumbered = await run(adrCommand, 'export', '--out', out, '--format', 'nygard', '--renumber');
  assert.match(renumbered.stdout, /renumbered 0002-second\.md → 0003-second\.md/);
  assert.deepEqual(readdirSync(out).sort(), ['0002-first.md', '0003-second.md', 'README.md']);
  assert.match(readFileSync(join(out, '0003-second.md'), 'utf8'), /^# 3\. Second\n/);
});

test('AC-2 / AC-6: three ADRs, the third superseding the first, export as MADR with links both ways, read back the same, re-export byte-identical; CSV, HTML and a PDF that pdftotext reads', async (t) => {
  const home = tempDir(t);
  const store = openSpecStore(home);
  const d = new DecisionStore(store);
  const log = d.ensureLog('main');
  const texts = [
    ['0001-queue-jobs-in-postgres.md', '---\nstatus: accepted\ndate: 2026-05-01\ndecision-makers: Ana Lima\n---\n\n# Queue jobs in PostgreSQL\n\n## Context and Problem Statement\n\nJobs must survive restarts.\n'],
    ['0002-retry-three-times.md', '---\nstatus: accepted\ndate: 2026-05-02\n---\n\n# Retry three times\n\n## Context and Problem Statement\n\nTransient failures.\n'],
    ['0003-use-a-dedicated-broker.md', '---\nstatus: proposed\ndate: 2026-05-03\n---\n\n# Use a dedicated broker\n\n## Context and Problem Statement\n\nThe queue table became hot.\n'],
  ];
  const ids = texts.map(([fileName, text], i) => d.insertAdr({ logId: log.id, number: i + 1, fileName, title: '', status: '', date: null, text }).id);
  // The third supersedes the first, edited in the ADR pane's way: the first gets its reverse link.
  saveAdrText(d, ids[2], texts[2][1].replace('status: proposed\n', 'status: accepted\nsupersedes: "[ADR-0001](0001-queue-jobs-in-postgres.md)"\n'), 'Ana');
  store.close();

  const run = cli(home);
  const out = tempDir(t, 'specbench-adr-out-');
  assert.equal((await run(adrCommand, 'export', '--out', out)).code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['0001-queue-jobs-in-postgres.md', '0002-retry-three-times.md', '0003-use-a-dedicated-broker.md', 'README.md']);
  const first = readFileSync(join(out, '0001-queue-jobs-in-postgres.md'), 'utf8');
  const third = readFileSync(join(out, '0003-use-a-dedicated-broker.md'), 'utf8');
  assert.match(first, /^---\nstatus: "superseded by \[ADR-0003\]\(0003-use-a-dedicated-broker\.md\)"\ndate: 2026-05-01\n/);
  assert.match(third, /^---\nstatus: accepted\nsupersedes: "\[ADR-0001\]\(0001-queue-jobs-in-postgres\.md\)"\ndate: 2026-05-03\n---\n/);
  assert.match(readFileSync(join(out, '0002-retry-three-times.md'), 'utf8'), /^---\nstatus: accepted\n/);

  // Importing the export into a fresh library yields the same records, and exporting again is byte-identical.
  const home2 = tempDir(t);
  const run2 = cli(home2);
  const imported = JSON.parse((await run2(adrCommand, 'import', out, '--format', 'json')).stdout) as ImportJson;
  assert.deepEqual(imported.files.map((f) => [f.number, f.title, f.status, f.links, f.problems]), [
    [1, 'Queue jobs in PostgreSQL', 'superseded', ['superseded-by 0003-use-a-dedicated-broker.md'], []],
    [2, 'Retry three times', 'accepted', [], []],
    [3, 'Use a dedicated broker', 'accepted', ['supersedes 0001-queue-jobs-in-postgres.md'], []],
  ]);
  const out2 = tempDir(t, 'specbench-adr-out-');
  await run2(adrCommand, 'export', '--out', out2);
  for (const f of readdirSync(out)) assert.equal(readFileSync(join(out2, f), 'utf8'), readFileSync(join(out, f), 'utf8'), f);
  // Exporting again into the same folder changes nothing.
  assert.match((await run(adrCommand, 'export', '--out', out)).stdout, /0 written, 4 unchanged/);

  await run(adrCommand, 'export', '--out', out, '--format', 'csv');
  const csv = readFileSync(join(out, 'adrs.csv'), 'utf8').split('\r\n');
  assert.equal(csv[0], 'number,title,status,date,deciders,spec,requirement_ids,superseded_by');
  assert.equal(csv[1], '0001,Queue jobs in PostgreSQL,superseded,2026-05-01,Ana Lima,,,0003-use-a-dedicated-broker.md');
  await run(adrCommand, 'export', '--out', out, '--format', 'html');
  assert.match(readFileSync(join(out, 'adrs.html'), 'utf8'), /<h2>0003 Use a dedicated broker<\/h2>/);
  await run(adrCommand, 'export', '--out', out, '--format', 'pdf');
  const pdfText = execFileSync('pdftotext', [join(out, 'adrs.pdf'), '-'], { encoding: 'utf8' });
  for (const [title, status] of [['Queue jobs in PostgreSQL', 'superseded'], ['Retry three times', 'accepted'], ['Use a dedicated broker', 'accepted']]) {
    assert.match(pdfText, new RegExp(`${title}\\s+Status: ${status}`), `${title} with its status in the PDF`);
  }
});

test('export into a folder holding another log continues its numbers and overwrites nothing without --force', async (t) => {
  const home = tempDir(t);
  const run = cli(home);
  await run(adrCommand, 'import', join(fixtures, 'madr3'));
  const out = tempDir(t, 'specbench-adr-out-');
  cpSync(join(fixtures, 'nygard'), out, { recursive: true });
  writeFileSync(join(out, 'README.md'), 'Our own notes about this folder.\n');
  const r = await run(adrCommand, 'export', '--out', out);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /renumbered 0001-lint-in-a-worker\.md → 0005-lint-in-a-web-worker\.md/);
  assert.match(r.stdout, /renumbered 0002-cap-lint-output\.md → 0006-cap-lint-output-per-file\.md/);
  for (const f of readdirSync(join(fixtures, 'nygard'))) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(fixtures, 'nygard', f), 'utf8'), `${f} untouched`);
  assert.equal(readFileSync(join(out, 'README.md'), 'utf8'), 'Our own notes about this folder.\n');
  assert.match(r.stdout, /README\.md is not an index Specbench wrote/);

  // A file that differs is left alone without --force (exit 1), replaced with it.
  const other = tempDir(t, 'specbench-adr-out-');
  writeFileSync(join(other, '0001-lint-in-a-worker.md'), 'edited elsewhere\n');
  writeFileSync(join(other, '0002-cap-lint-output.md'), readFileSync(join(fixtures, 'madr3', '0002-cap-lint-output.md')));
  const refused = await run(adrCommand, 'export', '--out', other);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /exists +0001-lint-in-a-worker\.md \(differs; use --force to overwrite\)/);
  assert.equal(readFileSync(join(other, '0001-lint-in-a-worker.md'), 'utf8'), 'edited elsewhere\n');
  const forced = await run(adrCommand, 'export', '--out', other, '--force');
  assert.equal(forced.code, 0);
  assert.equal(readFileSync(join(other, '0001-lint-in-a-worker.md'), 'utf8'), readFileSync(join(fixtures, 'madr3', '0001-lint-in-a-worker.md'), 'utf8'));
});

test('usage errors exit through UsageError: missing --out, unknown format', async (t) => {
  const run = cli(tempDir(t));
  await assert.rejects(run(adrCommand, 'export'), /--out DIR is required/);
  await assert.rejects(run(adrCommand, 'export', '--out', 'x', '--format', 'docx'), /--format must be one of madr, nygard, csv, html, pdf/);
  await assert.rejects(run(adrCommand, 'import'), /expected one folder/);
});
