import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_MERGE_SECTIONS, mergeSections, takeBoth, WHOLE_DOCUMENT_KEY } from '../../../core/merge/index.js';
import { samplesDir } from '../../../host/paths.js';

const base = [
  '---',
  'title: Login',
  'status: draft',
  '---',
  '# Login',
  '',
  '## Context',
  '',
  'Users sign in with a link.',
  '',
  '## Functional Requirements',
  '',
  '- FR-1: The system sends a link.',
  '',
  '## Acceptance Criteria',
  '',
  '- AC-1: Given an address, when asked, then a link is sent.',
  '',
].join('\n');

const edit = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), `fixture lacks ${from}`);
  return text.replace(from, to);
};

describe('mergeSections', () => {
  it('takes each side\'s edits to different sections and names them', () => {
    const theirs = edit(base, 'sends a link.', 'sends a single-use link.');
    const mine = edit(base, 'then a link is sent.', 'then a link is sent within 5 s.');
    const result = mergeSections(base, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(theirs, 'then a link is sent.', 'then a link is sent within 5 s.'));
    assert.deepEqual(result.fromTheirs, [{ key: 'functional', heading: 'Functional Requirements', change: 'modified' }]);
    assert.deepEqual(result.fromMine, [{ key: 'acceptance', heading: 'Acceptance Criteria', change: 'modified' }]);
  });

  it('reports the same section edited differently as a conflict with all three texts, theirs in the interim text', () => {
    const theirs = edit(base, 'sends a link.', 'sends a single-use link.');
    const mine = edit(base, 'sends a link.', 'sends a link by email.');
    const result = mergeSections(base, theirs, mine);
    assert.equal(result.status, 'conflict');
    assert.deepEqual(result.conflicts, [
      {
        key: 'functional',
        heading: 'Functional Requirements',
        kind: 'both-modified',
        base: '## Functional Requirements\n\n- FR-1: The system sends a link.\n\n',
        theirs: '## Functional Requirements\n\n- FR-1: The system sends a single-use link.\n\n',
        mine: '## Functional Requirements\n\n- FR-1: The system sends a link by email.\n\n',
      },
    ]);
    assert.equal(result.markdownWithTheirs, theirs);
  });

  it('applies the merge view\'s resolutions by key: chosen text, or null to drop the section', () => {
    const theirs = edit(base, 'sends a link.', 'sends a single-use link.');
    const mine = edit(edit(base, 'sends a link.', 'sends a link by email.'), 'Users sign in', 'People sign in');
    const both = '## Functional Requirements\n\n- FR-1: The system sends a single-use link by email.\n\n';
    const result = mergeSections(base, theirs, mine, { resolved: { functional: both } });
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(base, 'sends a link.', 'sends a single-use link by email.').replace('Users sign in', 'People sign in'));
    const dropped = mergeSections(base, theirs, mine, { resolved: { functional: null } });
    assert.ok(dropped.status === 'clean' && !dropped.markdown.includes('## Functional Requirements'));
  });

  it('takes an identical edit on both sides once', () => {
    const both = edit(base, 'sends a link.', 'sends a single-use link.');
    const result = mergeSections(base, both, both);
    assert.deepEqual(result, { status: 'clean', markdown: both, fromTheirs: [], fromMine: [] });
  });

  it('removes a section removed on one side and untouched on the other', () => {
    const theirs = edit(base, '## Context\n\nUsers sign in with a link.\n\n', '');
    const mine = edit(base, 'then a link is sent.', 'then a link is sent at once.');
    const result = mergeSections(base, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(theirs, 'then a link is sent.', 'then a link is sent at once.'));
    assert.deepEqual(result.fromTheirs, [{ key: 'context', heading: 'Context', change: 'removed' }]);
  });

  it('conflicts when one side removes a section the other edited, both ways', () => {
    const removed = edit(base, '## Context\n\nUsers sign in with a link.\n\n', '');
    const edited = edit(base, 'Users sign in with a link.', 'Users sign in with a magic link.');
    const a = mergeSections(base, removed, edited);
    assert.equal(a.status, 'conflict');
    assert.equal(a.conflicts[0].kind, 'removed-by-theirs');
    assert.equal(a.conflicts[0].theirs, null);
    assert.equal(a.conflicts[0].mine, '## Context\n\nUsers sign in with a magic link.\n\n');
    const b = mergeSections(base, edited, removed);
    assert.equal(b.status, 'conflict');
    assert.equal(b.conflicts[0].kind, 'removed-by-mine');
    assert.equal(b.conflicts[0].mine, null);
  });

  it('keeps sections added on each side in place, and conflicts on the same heading added with different text', () => {
    const theirs = edit(base, '## Acceptance Criteria', '## Glossary\n\nLink: a URL.\n\n## Acceptance Criteria');
    const mine = `${base}## Open Questions\n\nWho pays?\n`;
    const clean = mergeSections(base, theirs, mine);
    assert.equal(clean.status, 'clean');
    assert.equal(clean.markdown, `${theirs}## Open Questions\n\nWho pays?\n`);
    assert.deepEqual(clean.fromTheirs.map((s) => [s.heading, s.change]), [['Glossary', 'added']]);

    const other = edit(base, '## Acceptance Criteria', '## Glossary\n\nLink: an email.\n\n## Acceptance Criteria');
    const conflict = mergeSections(base, theirs, other);
    assert.equal(conflict.status, 'conflict');
    assert.deepEqual(conflict.conflicts.map((c) => [c.heading, c.kind, c.base]), [['Glossary', 'both-added', null]]);
  });

  it('merges an edit of the last section with a section appended after it (the blank line it gains is no edit)', () => {
    const theirs = edit(base, 'then a link is sent.', 'then a link is sent once.');
    const mine = `${base}\n## Glossary\n\nLink: a URL.\n`;
    const result = mergeSections(base, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, `${theirs}## Glossary\n\nLink: a URL.\n`);
  });

  it('keeps one side\'s reordering of sections and the other side\'s edit', () => {
    const context = '## Context\n\nUsers sign in with a link.\n\n';
    const theirs = `${edit(base, context, '')}${context}`;
    const mine = edit(base, 'then a link is sent.', 'then a link is sent once.');
    const result = mergeSections(base, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(theirs, 'then a link is sent.', 'then a link is sent once.'));
    const swapped = mergeSections(base, mine, theirs);
    assert.equal(swapped.status === 'clean' && swapped.markdown, result.markdown);
  });

  it('keeps CRLF line endings and the front matter bytes of untouched sections', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const theirs = edit(crlf, 'status: draft', 'status: review');
    const mine = edit(crlf, 'sends a link.', 'sends a link.  ');
    const result = mergeSections(crlf, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(theirs, 'sends a link.', 'sends a link.  '));
    assert.ok(!/[^\r]\n/.test(result.markdown), 'every line ending stays CRLF');
  });

  it('gives a section moved from the end its line ending when the other side appends after it', () => {
    const noFinalNewline = base.trimEnd();
    const theirs = `${noFinalNewline}\n\n## Glossary\n\nLink: a URL.`;
    const mine = edit(noFinalNewline, '## Context\n\nUsers sign in with a link.\n\n', '');
    const result = mergeSections(noFinalNewline, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.equal(result.markdown, edit(theirs, '## Context\n\nUsers sign in with a link.\n\n', ''));
  });

  it('merges the real sample section by section', () => {
    const sample = readFileSync(join(samplesDir, 'magic-link.md'), 'utf8');
    const theirs = sample.replace('## Context', '## Context\n\nAdded by the other author.\n');
    const mine = `${sample.trimEnd()}\n- **AC-99:** Given a token, when it is reused, then the status is 400.\n`;
    const result = mergeSections(sample, theirs, mine);
    assert.equal(result.status, 'clean');
    assert.ok(result.markdown.includes('Added by the other author.'));
    assert.ok(result.markdown.includes('AC-99'));
    assert.equal(result.markdown.length, sample.length + (theirs.length - sample.length) + (mine.length - sample.length));
  });

  it(`merges a document with more than ${MAX_MERGE_SECTIONS} sections as one section`, () => {
    const many = Array.from({ length: MAX_MERGE_SECTIONS + 1 }, (_, i) => `## Topic ${i}\n\nText ${i}.\n`).join('');
    const theirs = many.replace('Text 1.', 'Text one.');
    const mine = many.replace('Text 7.', 'Text seven.');
    const result = mergeSections(many, theirs, mine);
    assert.equal(result.status, 'conflict');
    assert.deepEqual(result.conflicts.map((c) => c.key), [WHOLE_DOCUMENT_KEY]);
    const oneSide = mergeSections(many, many, mine);
    assert.deepEqual(oneSide.status === 'clean' && oneSide.markdown, mine);
  });
});

describe('takeBoth', () => {
  it('keeps theirs then mine under one heading, or the side that still has the section', () => {
    assert.equal(takeBoth({ theirs: '## A\n\ntheirs\n', mine: '## A\n\nmine\n' }), '## A\n\ntheirs\n\nmine\n');
    assert.equal(takeBoth({ theirs: '## A\r\n\r\ntheirs', mine: '## B\r\nmine\r\n' }), '## A\r\n\r\ntheirs\r\n## B\r\nmine\r\n');
    assert.equal(takeBoth({ theirs: null, mine: '## A\nmine\n' }), '## A\nmine\n');
    assert.equal(takeBoth({ theirs: '## A\ntheirs\n', mine: null }), '## A\ntheirs\n');
  });
});
