import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { serializeSpec } from '../../../core/markdown/serialize.js';
import { runCli } from '../../../host/cli/main.js';
import { appRoot } from '../../../host/paths.js';
import { tempDir } from '../../support/temp-dir.js';

function capture(argv: string[]) {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: appRoot, env: {} };
  return runCli(argv, io).then((code) => ({ code, out, err }));
}

/** Every requirement and criterion text of a file, whitespace at line starts aside (list indentation differs by format). */
function texts(markdown: string): string[] {
  return parseSpec(markdown)
    .sections.flatMap((s) => s.items)
    .map((i) => i.text.split('\n').map((l) => l.trim()).join('\n'))
    .sort();
}

describe('specbench convert', () => {
  it('AC-4: magic-link → kiro → six-part keeps every requirement and criterion text and id; the converted file round-trips byte for byte', async () => {
    const dir = tempDir('specbench-convert-');
    try {
      const kiro = join(dir, 'requirements.md');
      const back = join(dir, 'spec.md');
      const first = await capture(['convert', 'samples/magic-link.md', '--to', 'kiro', '--out', kiro]);
      assert.equal(first.code, 0, first.err);
      const kiroText = readFileSync(kiro, 'utf8');
      const kiroDoc = parseSpec(kiroText);
      assert.equal(kiroDoc.template, 'kiro-requirements');
      assert.equal(serializeSpec(kiroDoc), kiroText, 'the converted file round-trips byte for byte');
      assert.match(first.err, /"Edge Cases and Error Handling" has no place in kiro; it is kept as an extra section/);
      assert.match(first.err, /criteria groups \(Happy Path, Error States, Security, Backwards Compatibility\)/);

      const second = await capture(['convert', kiro, '--to', 'six-part', '--out', back]);
      assert.equal(second.code, 0, second.err);
      const original = readFileSync(join(appRoot, 'samples/magic-link.md'), 'utf8');
      const backText = readFileSync(back, 'utf8');
      assert.deepEqual(texts(backText), texts(original));
      const ids = (md: string) => parseSpec(md).sections.flatMap((s) => s.items.map((i) => i.id)).sort();
      assert.deepEqual(ids(backText), ids(original));
      assert.equal(parseSpec(backText).sections.find((s) => s.key === 'edgeCases')?.rows?.length, 8);
      assert.equal(serializeSpec(parseSpec(backText)), backText);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every fixture converts to every format with nothing lost, and JSON lists the notes', async () => {
    for (const fixture of ['speckit/three-stories', 'kiro/four-requirements', 'openspec/three-requirements', 'six-part/id-less-criteria', 'table/requirement-table']) {
      for (const to of ['six-part', 'speckit', 'kiro', 'openspec']) {
        const file = `test/fixtures/formats/${fixture}/input.md`;
        const { code, out, err } = await capture(['convert', file, '--to', to, '--format', 'json']);
        assert.equal(code, 0, err);
        const result = JSON.parse(out) as { markdown: string; notes: Array<{ kind: string; message: string }> };
        assert.deepEqual(result.notes.filter((n) => n.kind === 'lost'), [], `${fixture} → ${to}`);
        assert.deepEqual(texts(result.markdown), texts(readFileSync(join(appRoot, file), 'utf8')), `${fixture} → ${to}`);
      }
    }
  });

  it('a Kiro file converted to six-part lists the ids it had to renumber', async () => {
    const { code, out, err } = await capture(['convert', 'test/fixtures/formats/kiro/four-requirements/input.md', '--to', 'six-part']);
    assert.equal(code, 0);
    assert.match(out, /^- \*\*FR-1:\*\* As a club member, I want to propose a book/m);
    assert.match(err, /renamed: R1\.1 is AC-1 in six-part/);
  });

  it('refuses an OpenSpec delta, an unknown target and a missing --to with exit 2', async () => {
    const delta = await capture(['convert', 'test/fixtures/formats/openspec-delta/add-modify-remove/input.md', '--to', 'kiro']);
    assert.equal(delta.code, 2);
    assert.match(delta.err, /OpenSpec change delta .* cannot be converted on its own/);
    const unknown = await capture(['convert', 'samples/magic-link.md', '--to', 'word']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /--to must be one of six-part, speckit, kiro, openspec/);
    const missing = await capture(['convert', 'samples/magic-link.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--to is required/);
  });
});
