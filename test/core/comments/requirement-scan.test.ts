import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDocument, requirementRanges } from '../../../core/comments/requirement-ranges.js';
import { scanRequirements } from '../../../core/comments/requirement-scan.js';
import { parseSpec } from '../../../core/markdown/parse.js';
import { generateSpec } from '../../bench/generate-spec.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : path.endsWith('.md') ? [path] : [];
  });
}

// The anchoring scanner must agree with the parser, or a comment would name another requirement than the editor shows.
test('the anchoring line scanner finds the same requirement and row ranges as the parser on every sample and fixture', () => {
  const files = [...markdownFiles(join(root, 'samples')), ...markdownFiles(join(root, 'test/fixtures'))];
  assert.ok(files.length >= 20);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = requirementRanges(parseSpec(text));
    const scan = scanRequirements(text);
    // Where the scanner is sure it must agree; where it is not, the index parses. Either way the index agrees.
    if (!scan.needsParser) assert.deepEqual(scan.ranges, parsed, file);
    assert.deepEqual(indexDocument(text).ranges, parsed, file);
  }
  const sure = files.filter((f) => !scanRequirements(readFileSync(f, 'utf8')).needsParser);
  assert.ok(sure.length >= 20 && sure.some((f) => f.endsWith('samples/magic-link.md')), `the scanner is sure on ${sure.length} files, the sample among them`);
  const big = generateSpec(60 * 1024);
  assert.deepEqual(scanRequirements(big).ranges, requirementRanges(parseSpec(big)));
});

test('ids inside fenced code are not requirements; section headings are listed with offsets', () => {
  const text = '# T\n\n## Functional Requirements\n\n- **FR-1:** The system must log.\n\n```\n- **FR-2:** not real\n```\n\n## Acceptance Criteria\n\n- AC-1: Given x, when y, then z.\n';
  const scan = scanRequirements(text);
  assert.deepEqual(scan.ranges.map((r) => [r.id, text.slice(r.start, r.end)]), [['FR-1', 'The system must log.'], ['AC-1', 'Given x, when y, then z.']]);
  assert.deepEqual(scan.sections.map((s) => [s.heading, text.slice(s.start, s.start + 5)]), [['Functional Requirements', '## Fu'], ['Acceptance Criteria', '## Ac']]);
});
