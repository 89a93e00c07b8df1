import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonArrayStreamParser } from '../../../core/review/stream-parser.js';

const findings = [
  { section: 'functional', quote: 'a "quoted" {brace} [bracket]', problem: 'p1' },
  { section: 'edgeCases', quote: 'back\\slash and \\"escaped\\"', problem: 'p2', nested: { list: [1, { x: ']' }] } },
  { section: 'acceptance', quote: 'unicode \u00e9 \u2014 done', problem: 'p3' },
];
const text = JSON.stringify({ summary: 'ignored {"findings": [1]}', findings, tail: [9] });

describe('JsonArrayStreamParser', () => {
  it('yields each element once, in order, when fed one character at a time', () => {
    const parser = new JsonArrayStreamParser('findings');
    const seen: unknown[] = [];
    const completedAt: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const out = parser.push(text[i]);
      for (const e of out) {
        seen.push(e);
        completedAt.push(i);
      }
    }
    assert.deepEqual(seen, findings);
    assert.ok(parser.complete);
    assert.equal(parser.hasPartialElement, false);
    // Each element is released at its own closing brace, not at the end of the text.
    for (let k = 0; k < findings.length; k++) {
      const end = text.indexOf(JSON.stringify(findings[k])) + JSON.stringify(findings[k]).length - 1;
      assert.equal(completedAt[k], end);
    }
  });

  it('gives the same elements whatever the chunk boundaries', () => {
    for (const size of [2, 3, 7, 50, text.length]) {
      const parser = new JsonArrayStreamParser('findings');
      const seen: unknown[] = [];
      for (let i = 0; i < text.length; i += size) seen.push(...parser.push(text.slice(i, i + size)));
      assert.deepEqual(seen, findings, `chunk size ${size}`);
    }
  });

  it('drops an element cut off mid-way and keeps the complete ones', () => {
    const cut = text.slice(0, text.indexOf(JSON.stringify(findings[2])) + 20);
    const parser = new JsonArrayStreamParser('findings');
    const seen = parser.push(cut);
    assert.deepEqual(seen, findings.slice(0, 2));
    assert.equal(parser.hasPartialElement, true);
    assert.equal(parser.complete, false);
  });

  it('ignores arrays under other keys and nested keys of the same name', () => {
    const parser = new JsonArrayStreamParser('findings');
    const seen = parser.push(JSON.stringify({ other: { findings: [1, 2] }, findings: [{ a: 1 }] }));
    assert.deepEqual(seen, [{ a: 1 }]);
  });

  it('handles primitive elements (strings and numbers)', () => {
    const parser = new JsonArrayStreamParser('openQuestions');
    const seen = parser.push('{"proposals": [], "openQuestions": ["one, two", "th]ree", 4 , true]}');
    assert.deepEqual(seen, ['one, two', 'th]ree', 4, true]);
  });

  it('keeps the raw text for inspection', () => {
    const parser = new JsonArrayStreamParser('findings');
    parser.push('{"findings": [');
    parser.push('{"x": 1}');
    assert.equal(parser.text, '{"findings": [{"x": 1}');
  });
});
