import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adrCsv,
  answerLinksOf,
  adrHtml,
  adrIndex,
  checkLog,
  linkBothWays,
  numberedFileName,
  parseAdr,
  renderAdr,
  renumberDuplicates,
  serializeAdr,
  supersede,
  type AdrFormat,
  type AdrMeta,
  type AdrRecord,
} from '../../../core/adr/index.js';

function fresh(n: number, title: string, format: AdrFormat, extra: Partial<AdrMeta> = {}): AdrRecord {
  const meta: AdrMeta = { number: n, title, status: 'accepted', date: `2026-05-0${n}`, decisionMakers: ['Ana Lima'], consulted: [], informed: [], links: [], ...extra };
  const fileName = numberedFileName(n, title);
  const text = renderAdr(meta, [{ heading: 'Context and Problem Statement', headingLine: '', body: `Why record ${n} was needed.` }], format);
  return parseAdr(fileName, text);
}

for (const format of ['madr', 'nygard'] as const) {
  test(`${format}: three records, the third superseding the first, export with links both ways and read back the same (AC-2)`, () => {
    let log = [fresh(1, 'Use a queue', format), fresh(2, 'Retry three times', format), fresh(3, 'Use a stream instead', format)];
    log = supersede(log, log[2].fileName, log[0].fileName);
    const files = log.map((r) => ({ name: r.fileName, text: serializeAdr(r, format) }));
    assert.deepEqual(files.map((f) => f.name), ['0001-use-a-queue.md', '0002-retry-three-times.md', '0003-use-a-stream-instead.md']);
    if (format === 'madr') {
      assert.match(files[0].text, /^---\nstatus: "superseded by \[ADR-0003\]\(0003-use-a-stream-instead\.md\)"\n/);
      assert.match(files[2].text, /^---\nstatus: accepted\n[\s\S]*\nsupersedes: "\[ADR-0001\]\(0001-use-a-queue\.md\)"\n---\n/);
      assert.match(files[1].text, /^---\nstatus: accepted\n/);
    } else {
      assert.match(files[0].text, /## Status\n\nSuperseded by \[3\. Use a stream instead\]\(0003-use-a-stream-instead\.md\)\n/);
      assert.match(files[2].text, /## Status\n\nAccepted\n\nSupersedes \[1\. Use a queue\]\(0001-use-a-queue\.md\)\n/);
    }
    const back = files.map((f) => parseAdr(f.name, f.text));
    assert.deepEqual(
      back.map((r) => [r.number, r.title, r.status, r.date, r.links.map((l) => `${l.kind} ${l.target}`), r.unmapped]),
      [
        [1, 'Use a queue', 'superseded', '2026-05-01', ['superseded-by 0003-use-a-stream-instead.md'], []],
        [2, 'Retry three times', 'accepted', '2026-05-02', [], []],
        [3, 'Use a stream instead', 'accepted', '2026-05-03', ['supersedes 0001-use-a-queue.md'], []],
      ],
    );
    // Re-exporting what was read is byte-identical, in place and through a fresh render.
    assert.deepEqual(back.map((r) => serializeAdr(r, format)), files.map((f) => f.text));
    assert.deepEqual(back.map((r) => renderAdr(r, r.sections, format)), files.map((f) => f.text));
  });
}

test('superseding an adr-tools record read from disk rewrites only the two Status sections', () => {
  const one = parseAdr('0001-a.md', '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nText.\n');
  const two = parseAdr('0002-b.md', '# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nMore.\n');
  const [a, b] = supersede([one, two], '0002-b.md', '0001-a.md');
  assert.equal(serializeAdr(a), '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n\n## Context\n\nText.\n');
  assert.equal(serializeAdr(b), '# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n\n## Context\n\nMore.\n');
});

test('a one-sided supersede link is completed on the other record', () => {
  const older = parseAdr('0001-a.md', '---\nstatus: accepted\n---\n# A\n');
  const newer = parseAdr('0002-b.md', '---\nstatus: accepted\nsupersedes: "[ADR-0001](0001-a.md)"\n---\n# B\n');
  const { records, added } = linkBothWays([older, newer]);
  assert.equal(records[0].status, 'superseded');
  assert.equal(serializeAdr(records[0]), '---\nstatus: "superseded by [ADR-0002](0002-b.md)"\n---\n# A\n');
  assert.equal(serializeAdr(records[1]), serializeAdr(newer));
  assert.deepEqual(added.map((a) => a.fileName), ['0001-a.md', '0001-a.md']);
});

test('a link to a missing record is kept and reported as "link to 0007 not found"', () => {
  const text = '# 3. C\n\nDate: 2024-01-03\n\n## Status\n\nAccepted\n\nSupersedes [7. Gone](0007-gone.md)\n';
  const r = parseAdr('0003-c.md', text);
  assert.deepEqual(checkLog([r]).map((p) => p.message), ['link to 0007 not found (kept as written)']);
  assert.equal(serializeAdr(linkBothWays([r]).records[0]), text);
});

test('two records with one number are both kept and reported; --renumber moves the second after the highest and relinks', () => {
  const a = parseAdr('0002-first.md', '# 2. First\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
  const b = parseAdr('0002-second.md', '# 2. Second\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n');
  const c = parseAdr('0003-third.md', '# 3. Third\n\nDate: 2024-01-03\n\n## Status\n\nAccepted\n\nAmends [2. Second](0002-second.md)\n');
  const problems = checkLog([a, b, c]);
  assert.deepEqual(problems.map((p) => p.fileName), ['0002-first.md', '0002-second.md']);
  assert.match(problems[0].message, /number 2 is used by 2 records/);
  const { records, renamed } = renumberDuplicates([a, b, c]);
  assert.deepEqual(renamed, [{ from: '0002-second.md', to: '0004-second.md' }]);
  assert.equal(records[1].number, 4);
  assert.match(serializeAdr(records[1]), /^# 4\. Second\n/);
  assert.match(serializeAdr(records[2]), /Amends \[2\. Second\]\(0004-second\.md\)/);
});

test('CSV has one row per ADR with the superseded-by target and neutralised formulas; HTML escapes text; the index links every file', () => {
  let log = [fresh(1, 'Use a queue', 'madr'), fresh(2, '=cmd|stuff', 'madr'), fresh(3, 'Use <b>streams</b>', 'madr')];
  log = supersede(log, log[2].fileName, log[0].fileName);
  const csv = adrCsv(log, (r) => ({ spec: 'SPEC-4 v2', requirementIds: r.number === 1 ? ['FR-1', 'FR-2'] : [] }));
  const rows = csv.trimEnd().split('\r\n');
  assert.equal(rows[0], 'number,title,status,date,deciders,spec,requirement_ids,superseded_by');
  assert.equal(rows[1], '0001,Use a queue,superseded,2026-05-01,Ana Lima,SPEC-4 v2,FR-1 FR-2,0003-use-b-streams-b.md');
  assert.equal(rows[2], "0002,'=cmd|stuff,accepted,2026-05-02,Ana Lima,SPEC-4 v2,,");
  const html = adrHtml(log);
  assert.ok(html.includes('Use &lt;b&gt;streams&lt;/b&gt;') && !html.includes('<b>streams'));
  assert.equal(adrIndex(log).split('\n')[2], '- [0001 Use a queue](0001-use-a-queue.md) — superseded, 2026-05-01');
});

test('a one-sided supersede link is reported by checkLog; a one-sided amend link is not', () => {
  const older = parseAdr('0001-a.md', '---\nstatus: accepted\n---\n# A\n');
  const newer = parseAdr('0002-b.md', '---\nstatus: accepted\nsupersedes: "[ADR-0001](0001-a.md)"\namends: "[ADR-0001](0001-a.md)"\n---\n# B\n');
  assert.deepEqual(checkLog([older, newer]).map((p) => p.message), ['supersedes 0001-a.md, but 0001-a.md has no superseded-by link back']);
});

test('answerLinksOf answers only the edited record\'s links', () => {
  const a = parseAdr('0001-a.md', '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n');
  const b = parseAdr('0002-b.md', '# 2. B\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\nAmends [1. A](0001-a.md)\n');
  const c = parseAdr('0003-c.md', '# 3. C\n\nDate: 2024-01-03\n\n## Status\n\nAccepted\n\nSupersedes [1. A](0001-a.md)\n');
  const [a2, b2, c2] = answerLinksOf([a, b, c], '0003-c.md');
  assert.equal(serializeAdr(a2), '# 1. A\n\nDate: 2024-01-01\n\n## Status\n\nSuperseded by [3. C](0003-c.md)\n', 'no "Amended by" added for B\'s one-way link');
  assert.equal(serializeAdr(b2), serializeAdr(b));
  assert.equal(serializeAdr(c2), serializeAdr(c));
});
