import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LintConfigError, lintItemText, parseLintConfig, resolveLintConfig } from '../../../../core/lint/index.js';
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonWithLocations } from '../../../../core/lint/config/json-locate.js';

function error(text: string): LintConfigError {
  try {
    parseLintConfig(text, '.specbench.json');
  } catch (e) {
    assert.ok(e instanceof LintConfigError, String(e));
    return e;
  }
  assert.fail('expected a LintConfigError');
}

test('a valid config parses', () => {
  const config = parseLintConfig('{\n  "rules": { "ac/no-trigger": "off", "ac/weak-modal": "warning" },\n  "vagueTerms": { "add": ["snazzy"], "remove": ["works"] }\n}', 'x');
  assert.deepEqual(config.rules, { 'ac/no-trigger': 'off', 'ac/weak-modal': 'warning' });
});

test('invalid JSON names the file, line and the key being read', () => {
  const e = error('{\n  "rules": {\n    "ac/weak-modal": "warning",\n  }\n}');
  assert.equal(e.file, '.specbench.json');
  assert.equal(e.line, 4);
  assert.equal(e.key, 'rules.ac/weak-modal');
  assert.match(e.message, /^\.specbench\.json:4:3: "rules\.ac\/weak-modal": invalid JSON: trailing comma/);
});

test('an unknown rule id names its line and suggests the right one', () => {
  const e = error('{\n  "rules": {\n    "ac/wek-modal": "off"\n  }\n}');
  assert.deepEqual([e.line, e.column, e.key], [3, 5, 'rules.ac/wek-modal']);
  assert.match(e.reason, /unknown rule id \(did you mean "ac\/weak-modal"\?\)/);
});

test('an unknown top-level key and a bad severity are reported with their lines', () => {
  const unknown = error('{\n  "rulez": {}\n}');
  assert.deepEqual([unknown.line, unknown.key], [2, 'rulez']);
  const bad = error('{ "rules": {\n "ac/compound": "loud" } }');
  assert.deepEqual([bad.line, bad.key], [2, 'rules.ac/compound']);
  const term = error('{ "vagueTerms": { "add": [\n "ok",\n "" ] } }');
  assert.deepEqual([term.line, term.key], [3, 'vagueTerms.add.1']);
});

test('rules can be turned off and change severity; binary follows the final severities', () => {
  // EARS, not Gherkin: there "should" is a weak modal (in a Gherkin Then step it asserts).
  const text = 'When GET /a is sent, the response should be 400.';
  assert.equal(lintItemText(text, 'ac').binary, false);
  const relaxed = lintItemText(text, 'ac', resolveLintConfig({ rules: { 'ac/weak-modal': 'warning' } }));
  assert.deepEqual(relaxed.findings.map((f) => [f.rule, f.severity]), [['ac/weak-modal', 'warning']]);
  assert.equal(relaxed.binary, true);
  assert.deepEqual(lintItemText(text, 'ac', resolveLintConfig({ rules: { 'ac/weak-modal': 'off' } })).findings, []);
  const strict = lintItemText('The orders table has a UNIQUE index on customer_id.', 'ac', resolveLintConfig({ rules: { 'ac/no-trigger': 'error' } }));
  assert.equal(strict.binary, false);
});

test('a config nested deeper than MAX_JSON_DEPTH is a located syntax error, not a stack overflow', () => {
  const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
  assert.throws(() => parseJsonWithLocations(deep), (e: unknown) => e instanceof JsonSyntaxError && /nested more than 64 levels deep/.test(e.message) && e.column === MAX_JSON_DEPTH + 1);
  assert.doesNotThrow(() => parseJsonWithLocations(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`));
});
