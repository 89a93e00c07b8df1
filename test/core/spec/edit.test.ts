import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSpec } from '../../../core/markdown/parse.js';
import { composeSpec, mapSectionToTemplate } from '../../../core/spec/edit.js';
import { buildPanes } from '../../../core/spec/panes.js';
import { newSpecMarkdown } from '../../../core/templates/new-spec.js';

describe('spec edits', () => {
  const draft = '# Draft\n\n## Context\nWe have a login.\n\n## Acceptance Criteria\n- AC-1: Given a, when b, then 200.\n';

  it('adds a missing template section in template order', () => {
    const doc = parseSpec(draft);
    const text = composeSpec(doc, new Map(), new Map([['functional', '- FR-1: The system must send a link.']]));
    const again = parseSpec(text);
    assert.deepEqual(again.sections.map((s) => s.key), ['context', 'functional', 'acceptance']);
    assert.equal(again.sections[1].items[0].id, 'FR-1');
    assert.ok(text.startsWith('# Draft\n\n## Context\nWe have a login.\n\n## Functional Requirements\n\n'));
  });

  it('keeps CRLF documents CRLF when a pane edit arrives with LF', () => {
    const doc = parseSpec(draft.replace(/\n/g, '\r\n'));
    const text = composeSpec(doc, new Map([[0, 'One\nTwo\n']]));
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  });

  it('maps a headingless document to a template section without touching its text', () => {
    const doc = parseSpec('# Notes\nplain text\n- FR-1: The system must keep notes.\n');
    assert.equal(doc.sections[0].heading, null);
    const mapped = parseSpec(mapSectionToTemplate(doc, 0, 'functional'));
    assert.equal(mapped.sections[0].key, 'functional');
    assert.equal(mapped.source, '# Notes\n## Functional Requirements\n\nplain text\n- FR-1: The system must keep notes.\n');
    assert.equal(mapped.sections[0].items[0].id, 'FR-1');
  });

  it('a new spec from each template has every template section, empty of items', () => {
    for (const id of ['agent-ready', 'product-ops'] as const) {
      const doc = parseSpec(newSpecMarkdown(id, 'New', '2026-11-21'));
      assert.equal(doc.template, id);
      const panes = buildPanes(doc);
      assert.ok(panes.every((p) => p.sectionIndex !== null));
      assert.equal(doc.sections.flatMap((s) => s.items).length, 0);
    }
  });

  it('offers a pane for every template section a draft lacks, in template order', () => {
    const panes = buildPanes(parseSpec(draft));
    assert.deepEqual(panes.map((p) => [p.id, p.sectionIndex]), [
      ['context', 0],
      ['problem', null],
      ['functional', null],
      ['nonFunctional', null],
      ['edgeCases', null],
      ['acceptance', 1],
    ]);
  });
});
