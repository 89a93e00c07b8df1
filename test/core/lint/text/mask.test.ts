import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskLiterals } from '../../../../core/lint/text/mask.js';

const literals = (text: string) => maskLiterals(text).literals.map((l) => [l.kind, text.slice(l.start, l.end)]);

test('code spans, JSON, double and single quotes are literals; the mask keeps offsets', () => {
  const text = 'Then `x` is {"error":"SLOW_DOWN"}, "Fast" and \'Go home\'.';
  assert.deepEqual(literals(text), [
    ['code', '`x`'],
    ['json', '{"error":"SLOW_DOWN"}'],
    ['double', '"Fast"'],
    ['single', "'Go home'"],
  ]);
  const { masked } = maskLiterals(text);
  assert.equal(masked.length, text.length);
  assert.doesNotMatch(masked, /SLOW|Fast|Go home/);
});

test("apostrophes are not quotes: user's, O'Brien, users' sessions", () => {
  assert.deepEqual(literals("The user's password and the users' sessions of O'Brien."), []);
  assert.deepEqual(literals('Given a user named "Zoe O\'Brien".'), [['double', '"Zoe O\'Brien"']]);
});

test('curly quotes and quotes inside code spans', () => {
  assert.deepEqual(literals('The banner “Works offline” and `say "hi"`.'), [
    ['double', '“Works offline”'],
    ['code', '`say "hi"`'],
  ]);
});

test('an unclosed quote or brace masks nothing', () => {
  assert.deepEqual(literals('He said "hello and { left open'), []);
});
