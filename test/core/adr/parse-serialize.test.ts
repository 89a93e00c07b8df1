import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../../../host/paths.js';
import { checkLog, parseAdr, serializeAdr, type AdrRecord } from '../../../core/adr/index.js';

const fixtures = join(appRoot, 'test', 'fixtures', 'adr');

function readLog(format: string): Array<{ file: string; text: string; record: AdrRecord }> {
  const dir = join(fixtures, format);
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { file, text, record: parseAdr(file, text) };
    });
}

const FORMATS = ['madr4', 'madr3', 'madr2', 'nygard', 'log4brains', 'plain'];

for (const format of FORMATS) {
  test(`${format}: every untouched record serializes byte-identical (NFR-2)`, () => {
    for (const { file, text, record } of readLog(format)) assert.equal(serializeAdr(record), text, file);
  });
}

/** [file, number, title, status, date, links as "kind target"]. */
const EXPECTED: Record<string, Array<[string, number | null, string, string, string | null, string[]]>> = {
  madr4: [
    ['0001-keep-specs-in-sqlite.md', 1, 'Keep specs in SQLite', 'superseded', '2026-02-03', ['superseded-by 0003-move-history-to-content-store.md']],
    ['0002-draw-charts-with-uplot.md', 2, 'Draw charts with uPlot', 'accepted', '2026-03-10', []],
    ['0003-move-history-to-content-store.md', 3, 'Move history to a content-addressed store', 'accepted', '2026-04-21', ['supersedes 0001-keep-specs-in-sqlite.md']],
  ],
  madr3: [
    ['0001-lint-in-a-worker.md', 1, 'Lint in a Web Worker', 'accepted', '2025-11-30', []],
    ['0002-cap-lint-output.md', 2, 'Cap lint output per file', 'proposed', '2025-12-04', []],
  ],
  madr2: [
    ['0001-sign-in-with-links.md', 1, 'Sign in with emailed links', 'accepted', '2025-06-12', []],
    ['0002-hash-link-tokens.md', 2, 'Store only hashes of link tokens', 'accepted', '2025-06-20', ['amends 0001-sign-in-with-links.md']],
  ],
  nygard: [
    ['0001-record-architecture-decisions.md', 1, 'Record architecture decisions', 'accepted', '2024-01-08', []],
    ['0002-poll-the-queue-every-minute.md', 2, 'Poll the queue every minute', 'superseded', '2024-02-14', ['superseded-by 0003-push-queue-events-over-a-socket.md']],
    ['0003-push-queue-events-over-a-socket.md', 3, 'Push queue events over a socket', 'accepted', '2024-05-02', ['supersedes 0002-poll-the-queue-every-minute.md', 'amended-by 0004-batch-socket-events.md']],
    ['0004-batch-socket-events.md', 4, 'Batch socket events', 'accepted', '2024-06-11', ['amends 0003-push-queue-events-over-a-socket.md']],
  ],
  log4brains: [
    ['20250301-use-markdown-for-specs.md', null, 'Use Markdown for specs', 'accepted', '2025-03-01', []],
    ['20250415-allow-asciidoc-too.md', null, 'Allow AsciiDoc as well', 'superseded', '2025-04-15', ['superseded-by 20250520-markdown-only-after-all.md']],
    ['20250520-markdown-only-after-all.md', null, 'Markdown only after all', 'accepted', '2025-05-20', ['supersedes 20250415-allow-asciidoc-too.md']],
  ],
};

for (const [format, rows] of Object.entries(EXPECTED)) {
  test(`${format}: each record maps title, number, status, date and links, and nothing is reported lost (AC-3)`, () => {
    const log = readLog(format);
    assert.deepEqual(
      log.map(({ record: r }) => [r.fileName, r.number, r.title, r.status, r.date, r.links.map((l) => `${l.kind} ${l.target}`)]),
      rows,
    );
    for (const { record } of log) assert.deepEqual(record.unmapped, [], record.fileName);
    assert.deepEqual(checkLog(log.map((l) => l.record)), []);
  });
}

test('formats are told apart: MADR with and without front matter, adr-tools, log4brains, CamelCase notes', () => {
  assert.deepEqual(readLog('madr4').map((l) => [l.record.format, l.record.layout]), Array(3).fill(['madr', 'front-matter']));
  assert.deepEqual(readLog('madr2').map((l) => [l.record.format, l.record.layout]), Array(2).fill(['madr', 'bullets']));
  assert.deepEqual(readLog('nygard').map((l) => l.record.format), Array(4).fill('nygard'));
  assert.deepEqual(readLog('log4brains').map((l) => l.record.format), Array(3).fill('log4brains'));
  const plain = readLog('plain');
  assert.deepEqual(plain.map((l) => [l.record.format, l.record.number, l.record.title, l.record.status]), [
    ['plain', null, 'Choose the review model', 'accepted'],
    ['plain', null, 'Offline First', ''],
  ]);
  assert.deepEqual(plain[1].record.unmapped, ['no status found']);
  assert.deepEqual(readLog('madr4')[0].record.decisionMakers, ['Ana Lima', 'Bo Chen']);
  assert.deepEqual(readLog('madr4')[1].record.decisionMakers, ['Cleo Park']);
  assert.deepEqual(readLog('madr3')[0].record.decisionMakers, ['Dara Singh', 'Eli Novak']);
});

/** The lines of `after` that differ from `before`, as [before, after] pairs (same line count assumed). */
function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, `line count changed:\n${after}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]] as [string, string]]));
}

test('an edited status rewrites only its own line, in each layout', () => {
  const madr = readLog('madr3')[1];
  assert.deepEqual(changedLines(madr.text, serializeAdr({ ...madr.record, status: 'accepted' })), [['status: proposed', 'status: accepted']]);
  const bullets = readLog('madr2')[0];
  assert.deepEqual(changedLines(bullets.text, serializeAdr({ ...bullets.record, status: 'deprecated' })), [['* Status: accepted', '* Status: deprecated']]);
  const l4b = readLog('log4brains')[0];
  assert.deepEqual(changedLines(l4b.text, serializeAdr({ ...l4b.record, date: '2025-03-02' })), [['- Date: 2025-03-01', '- Date: 2025-03-02']]);
  const nygard = readLog('nygard')[0];
  assert.deepEqual(changedLines(nygard.text, serializeAdr({ ...nygard.record, status: 'deprecated' })), [['Accepted', 'Deprecated']]);
  const plain = readLog('plain')[0];
  assert.deepEqual(changedLines(plain.text, serializeAdr({ ...plain.record, status: 'rejected' })), [['Status: accepted', 'Status: rejected']]);
});

test('an edited record reads back with the edit', () => {
  const madr = readLog('madr4')[1];
  const edited = { ...madr.record, consulted: ['Product ops', 'Design'], informed: ['Support'] };
  const again = parseAdr(madr.file, serializeAdr(edited));
  assert.deepEqual([again.consulted, again.informed, again.decisionMakers, again.status], [['Product ops', 'Design'], ['Support'], ['Cleo Park'], 'accepted']);
});
