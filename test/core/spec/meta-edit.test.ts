import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { removeMetaField, setMetaField, yamlScalar } from '../../../core/spec/meta-edit.js';

const sample = readFileSync(new URL('../../../samples/magic-link.md', import.meta.url), 'utf8');

describe('setMetaField (title bar edits of title, status and front matter)', () => {
  it('renames the front-matter title and the H1, leaving every section byte-identical', () => {
    const doc = parseSpec(sample);
    const out = setMetaField(doc, 'title', 'Passwordless Sign-in');
    const after = parseSpec(out);
    assert.equal(after.meta.title, 'Passwordless Sign-in');
    assert.match(out, /^title: Passwordless Sign-in$/m);
    assert.match(out, /^# Passwordless Sign-in$/m);
    assert.doesNotMatch(out, /Magic Link Authentication\n/);
    assert.equal(out.slice(after.preamble.length), sample.slice(doc.preamble.length));
  });

  it('changes only the status line when setting status', () => {
    const doc = parseSpec(sample);
    const out = setMetaField(doc, 'status', 'in-review');
    assert.equal(parseSpec(out).meta.status, 'in-review');
    assert.equal(out, sample.replace('status: approved', 'status: in-review'));
  });

  it('adds a missing field at the end of the block, and creates a block when there is none', () => {
    const withBlock = parseSpec('---\ntitle: A\n---\n\n# A\n\n## Context\nx\n');
    assert.equal(setMetaField(withBlock, 'author', 'Bo'), '---\ntitle: A\nauthor: Bo\n---\n\n# A\n\n## Context\nx\n');
    const bare = parseSpec('# Old\n\n## Context\nbody\n');
    const out = setMetaField(bare, 'title', 'New');
    assert.equal(out, '---\ntitle: New\n---\n\n# New\n\n## Context\nbody\n');
    assert.equal(parseSpec(out).meta.title, 'New');
  });

  it('keeps CRLF line endings and quotes values YAML would misread', () => {
    const doc = parseSpec('---\r\ntitle: A\r\n---\r\n\r\n# A\r\n\r\n## Context\r\nx\r\n');
    const out = setMetaField(doc, 'title', 'Ratio: 1');
    assert.equal(out, '---\r\ntitle: "Ratio: 1"\r\n---\r\n\r\n# Ratio: 1\r\n\r\n## Context\r\nx\r\n');
    assert.equal(parseSpec(out).meta.title, 'Ratio: 1');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('42'), '"42"');
    assert.equal(yamlScalar('2026-11-02'), '2026-11-02');
    assert.equal(yamlScalar('in-review'), 'in-review');
  });

  it('refuses multi-line values and bad field names', () => {
    const doc = parseSpec(sample);
    assert.throws(() => setMetaField(doc, 'title', 'a\nb'), /one line/);
    assert.throws(() => setMetaField(doc, 'ti tle', 'x'), /not a front-matter field/);
  });
});

describe('removeMetaField', () => {
  it('takes one field out of the front matter and leaves every other byte', () => {
    const text = '---\ntitle: T\nformat: kiro\n---\n\n# T\n\n## Requirements\n\nx\n';
    assert.equal(removeMetaField(parseSpec(text), 'format'), '---\ntitle: T\n---\n\n# T\n\n## Requirements\n\nx\n');
    assert.equal(removeMetaField(parseSpec('# T\n'), 'format'), '# T\n');
  });
});
