import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintSpec, toSarif } from '../../../../core/lint/index.js';
import { parseSpec } from '../../../../core/markdown/parse.js';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string } }> } };
    results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
  }>;
}

const source = readFileSync(new URL('../../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

test('SARIF 2.1.0: every result names a listed rule and a region in the file', () => {
  const log = JSON.parse(JSON.stringify(toSarif(lintSpec(parseSpec(source)), { uri: 'samples/magic-link-draft.md', toolVersion: '0.1.0' }))) as SarifLog;
  assert.equal(log.version, '2.1.0');
  const { driver } = log.runs[0].tool;
  const ids = driver.rules.map((r) => r.id);
  assert.ok(log.runs[0].results.length > 10);
  for (const r of log.runs[0].results) {
    assert.ok(ids.includes(r.ruleId), r.ruleId);
    assert.equal(ids[r.ruleIndex], r.ruleId);
    const { region, } = r.locations[0].physicalLocation;
    assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1);
    assert.ok(Number.isInteger(region.startColumn) && region.startColumn >= 1);
    assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, 'samples/magic-link-draft.md');
    assert.ok(['error', 'warning', 'note'].includes(r.level));
  }
});

test('a result points at the flagged word in the document', () => {
  const log = toSarif(lintSpec(parseSpec(source)), { uri: 'x.md', toolVersion: '0' }) as unknown as SarifLog;
  const weak = log.runs[0].results.find((r) => r.ruleId === 'ac/weak-modal')!;
  const { startLine, startColumn } = weak.locations[0].physicalLocation.region;
  assert.equal(source.split('\n')[startLine - 1].slice(startColumn - 1, startColumn - 1 + 6), 'should');
});
