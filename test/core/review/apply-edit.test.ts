import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';

const draft = readFileSync(new URL('../../../samples/magic-link-draft.md', import.meta.url), 'utf8');

/** Asserts that `after` is `before` with exactly [start, end) replaced by `text`. */
function assertOnlyRangeChanged(before: string, after: string, start: number, end: number, text: string) {
  assert.equal(after.slice(0, start), before.slice(0, start), 'text before the range changed');
  assert.equal(after.slice(start + text.length), before.slice(end), 'text after the range changed');
  assert.equal(after.slice(start, start + text.length), text);
}

describe('computeFindingEdit', () => {
  it('replaces exactly the quoted range of the named section', () => {
    const quote = 'The request endpoint should be rate limited.';
    const proposedText = 'The system must accept at most 5 requests per email address per rolling 60 minutes.';
    const edit = computeFindingEdit(draft, { section: 'functional', quote, proposedText });
    assert.ok(edit.ok);
    assert.equal(edit.mode, 'replace');
    assert.equal(edit.oldText, quote);
    assertOnlyRangeChanged(draft, edit.markdown, edit.start, edit.end, proposedText);
    assert.equal(draft.slice(edit.start, edit.end), quote);
    // The edited requirement keeps its id.
    const fr5 = parseSpec(edit.markdown).sections.find((s) => s.key === 'functional')!.items.find((i) => i.id === 'FR-5');
    assert.equal(fr5?.text, proposedText);
  });

  it('replaces the original text when the quote matched only after normalising', () => {
    const edit = computeFindingEdit(draft, { section: 'functional', quote: 'the REQUEST endpoint   should be rate limited', proposedText: 'X' });
    assert.ok(edit.ok);
    assert.equal(edit.anchor, 'normalized');
    assert.equal(edit.oldText, 'The request endpoint should be rate limited');
    assertOnlyRangeChanged(draft, edit.markdown, edit.start, edit.end, 'X');
  });

  it('never touches the same words in another section', () => {
    // "Log the important events." is in Non-Functional Requirements only.
    const edit = computeFindingEdit(draft, { section: 'functional', quote: 'Log the important events.', proposedText: 'X' });
    assert.equal(edit.ok, false);
    assert.ok(!edit.ok && edit.reason === 'unanchored');
  });

  it('inserts at the end of the section when the quote is empty', () => {
    const line = '- FR-7: The system must log the email domain only.';
    const edit = computeFindingEdit(draft, { section: 'functional', quote: '', proposedText: line });
    assert.ok(edit.ok);
    assert.equal(edit.mode, 'insert');
    assert.equal(edit.start, edit.end);
    assertOnlyRangeChanged(draft, edit.markdown, edit.start, edit.end, edit.text);
    const functional = parseSpec(edit.markdown).sections.find((s) => s.key === 'functional')!;
    assert.deepEqual(functional.items.map((i) => i.id), ['FR-1', 'FR-2', 'FR-3', 'FR-4', 'FR-5', 'FR-6', 'FR-7']);
    // The next heading is still a heading.
    assert.ok(parseSpec(edit.markdown).sections.some((s) => s.key === 'nonFunctional'));
  });

  it('adds the template section when the document lacks it', () => {
    const row = '| Token expired | 400 | `{"error":"TOKEN_EXPIRED"}` | Log WARN |';
    const table = `| Scenario | HTTP Status | Response Body | Side Effect |\n|---|---|---|---|\n${row}`;
    const edit = computeFindingEdit(draft, { section: 'edgeCases', quote: '', proposedText: table });
    assert.ok(edit.ok);
    assert.equal(edit.mode, 'add-section');
    assertOnlyRangeChanged(draft, edit.markdown, edit.start, edit.end, edit.text);
    const doc = parseSpec(edit.markdown);
    const keys = doc.sections.map((s) => s.key);
    assert.deepEqual(keys, ['context', 'problem', 'functional', 'nonFunctional', 'edgeCases', 'acceptance']);
    assert.equal(doc.sections[4].rows?.[0].scenario, 'Token expired');
  });

  it('refuses without proposed text, for an unknown section, and for a lost quote', () => {
    const noText = computeFindingEdit(draft, { section: 'functional', quote: 'The request endpoint should be rate limited.' });
    assert.ok(!noText.ok && noText.reason === 'no-proposed-text');
    const noSection = computeFindingEdit(draft, { section: 'rollout', quote: 'x', proposedText: 'y' });
    assert.ok(!noSection.ok && noSection.reason === 'no-section');
    const lost = computeFindingEdit(draft, { section: 'functional', quote: 'Tokens are stored as SHA-256 hashes in a dedicated table.', proposedText: 'y' });
    assert.ok(!lost.ok && lost.reason === 'unanchored');
  });

  it('writes CRLF documents back with CRLF line endings', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    const edit = computeFindingEdit(crlf, { section: 'functional', quote: 'The request endpoint should be rate limited.', proposedText: 'Line one.\nLine two.' });
    assert.ok(edit.ok);
    assert.equal(edit.text, 'Line one.\r\nLine two.');
    assert.equal(/[^\r]\n/.test(edit.markdown), false);
  });
});
