import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRule, ruleIds, ruleMetadata, rules } from '../../../core/lint/index.js';

const rulesDir = fileURLToPath(new URL('../../../core/lint/rules/', import.meta.url));
const testsDir = fileURLToPath(new URL('./rules/', import.meta.url));
const GROUPS = ['ac', 'fr', 'nfr', 'cross'];

test('rule ids are unique, stable-looking and documented with one paragraph', () => {
  assert.equal(new Set(ruleIds).size, ruleIds.length);
  for (const meta of ruleMetadata()) {
    assert.match(meta.id, /^(ac|fr|nfr|cross)\/[a-z]+(?:-[a-z]+)*$/);
    assert.ok(meta.title.length > 3, meta.id);
    assert.ok(meta.explanation.length >= 120 && !meta.explanation.includes('\n'), `${meta.id}: one paragraph`);
    assert.ok(['error', 'warning', 'info'].includes(meta.severity));
  }
});

test('NFR-3: each rule lives in its own module under its group, is in the index, and has its own test', async () => {
  for (const group of GROUPS) {
    for (const file of readdirSync(`${rulesDir}${group}`).filter((f) => f.endsWith('.ts'))) {
      const module = (await import(pathToFileURL(`${rulesDir}${group}/${file}`).href)) as Record<string, unknown>;
      const exported = Object.values(module).filter((v): v is { id: string; level: string } => typeof v === 'object' && v !== null && 'id' in v && 'level' in v);
      if (exported.length === 0) continue; // a helper shared by the group's rules
      assert.equal(exported.length, 1, `${group}/${file} exports one rule`);
      const [rule] = exported;
      assert.equal(rule.id, `${group}/${file.replace(/\.ts$/, '')}`, 'the file is named after the rule');
      assert.equal(getRule(rule.id), rule, `${rule.id} is in the rule index`);
      assert.ok(existsSync(`${testsDir}${group}/${file.replace(/\.ts$/, '.test.ts')}`), `${rule.id} has a test`);
    }
  }
  for (const rule of rules) assert.ok(existsSync(`${rulesDir}${rule.id}.ts`), `${rule.id} has its module`);
});
