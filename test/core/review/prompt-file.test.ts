import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPromptLibrary, parsePromptFile } from '../../../core/review/prompt-file.js';

const good = `---
id: edge-case-hunt
title: Edge cases
step: 4
kind: review
inputs: [spec]
section: [functional, edgeCases]
---

Find the holes.
`;

describe('parsePromptFile', () => {
  it('reads the front matter and keeps the body as instructions', () => {
    const r = parsePromptFile('04.md', good);
    assert.ok(r.ok);
    assert.deepEqual(r.prompt, {
      id: 'edge-case-hunt',
      title: 'Edge cases',
      step: 4,
      kind: 'review',
      inputs: ['spec'],
      sections: ['functional', 'edgeCases'],
      instructions: 'Find the holes.',
      file: '04.md',
      origin: 'builtin',
    });
  });

  it('accepts a single section name', () => {
    const r = parsePromptFile('x.md', good.replace('section: [functional, edgeCases]', 'section: all'));
    assert.ok(r.ok);
    assert.deepEqual(r.prompt.sections, ['all']);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['no front matter', 'Just text.', /no front matter/],
    ['invalid YAML', good.replace('title: Edge cases', 'title: [unclosed'), /not valid YAML/],
    ['unknown kind', good.replace('kind: review', 'kind: summary'), /kind/],
    ['missing id', good.replace('id: edge-case-hunt\n', ''), /id/],
    ['bad id', good.replace('id: edge-case-hunt', 'id: Edge Case'), /id must be/],
    ['unknown key', good.replace('step: 4', 'step: 4\nmodel: x'), /unrecognized|model/i],
    ['empty body', good.replace('Find the holes.', ''), /no instructions/],
    ['step not a number', good.replace('step: 4', 'step: four'), /step/],
  ];
  for (const [name, source, message] of bad) {
    it(`reports ${name}`, () => {
      const r = parsePromptFile('bad.md', source, 'user');
      assert.equal(r.ok, false);
      assert.ok(!r.ok);
      assert.match(r.error, message);
      assert.equal(r.origin, 'user');
    });
  }
});

describe('buildPromptLibrary', () => {
  it('lists bad files with their error and keeps every good pass', () => {
    const lib = buildPromptLibrary([
      { file: 'a.md', source: good, origin: 'builtin' },
      { file: 'b.md', source: 'no front matter here', origin: 'builtin' },
      { file: 'c.md', source: good.replace('edge-case-hunt', 'principal').replace('step: 4', 'step: 7'), origin: 'builtin' },
    ]);
    assert.deepEqual(lib.passes.map((p) => p.id), ['edge-case-hunt', 'principal']);
    assert.equal(lib.errors.length, 1);
    assert.equal(lib.errors[0].file, 'b.md');
  });

  it('lets a user file replace a built-in pass with the same id, and refuses a duplicate within one origin', () => {
    const lib = buildPromptLibrary([
      { file: 'user/mine.md', source: good.replace('Find the holes.', 'My own wording.'), origin: 'user' },
      { file: 'builtin/04.md', source: good, origin: 'builtin' },
      { file: 'builtin/05.md', source: good, origin: 'builtin' },
    ]);
    assert.equal(lib.passes.length, 1);
    assert.equal(lib.passes[0].instructions, 'My own wording.');
    assert.equal(lib.passes[0].origin, 'user');
    assert.deepEqual(lib.errors.map((e) => e.file), ['builtin/05.md']);
    assert.match(lib.errors[0].error, /already used/);
  });
});
