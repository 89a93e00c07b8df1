import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildChecklistLibrary, parseChecklistFile } from '../../../core/review/checklists/checklist-file.js';
import { checklistsFor, CHECKLIST_BUDGET_CHARS, classifyWithChecklists, itemCoverage, renderChecklistBlock } from '../../../core/review/checklists/match.js';
import { BUILTIN_DOMAINS } from '../../../core/review/domains/catalog.js';
import { CHECKLIST_DIR, loadBuiltinChecklists } from './checklist-fixtures.js';

const GOOD = `---
domain: widgets
title: Widgets
detect: [[widget*, 4], [gizmo*, 3]]
---

## spin-rate
question: How fast may a widget spin before it is stopped?
why: An agent picks no limit and the widget spins forever.
requirement: A widget spins at most 60 turns per minute; faster requests answer 400.
section: [functional]
severity: high
anchor: [spin*]
match:
  a spin limit: ['/\\d+ turns per minute/']
  the reply past it: [answer 400, rejected]
`;

describe('checklist files (FR-2, NFR-3)', () => {
  it('ships a parsing checklist for every domain and a general one', () => {
    const checklists = loadBuiltinChecklists();
    const domains = checklists.map((c) => c.domain).sort();
    assert.deepEqual(domains, [...BUILTIN_DOMAINS.map((d) => d.id), 'general'].sort());
    for (const c of checklists) {
      assert.ok(c.items.length >= 4, `${c.domain} has ${c.items.length} items`);
      for (const item of c.items) assert.ok(item.question && item.why && item.requirement && item.concepts.length > 0);
    }
  });

  it('keeps every domain mix within about 2 k tokens per pass (NFR-2)', () => {
    const checklists = loadBuiltinChecklists();
    const all = renderChecklistBlock(checklistsFor(BUILTIN_DOMAINS.map((d) => d.id), checklists));
    assert.ok(all.length <= CHECKLIST_BUDGET_CHARS, `${all.length} chars`);
    assert.match(all, /further checklist item\(s\) left out/);
    for (const d of BUILTIN_DOMAINS) {
      const one = renderChecklistBlock(checklistsFor([d.id], checklists));
      assert.ok(one.length <= CHECKLIST_BUDGET_CHARS);
      assert.doesNotMatch(one, /left out/, `${d.id} alone fits whole`);
      assert.ok(one.includes(`(${d.id})`));
    }
  });

  it('skips a file with a syntax error, naming file and item, while the others load', () => {
    const broken = GOOD.replace('question: How fast may', 'question: [How fast may');
    const files = [
      { file: 'widgets.md', source: broken },
      { file: 'payments.md', source: readFileSync(join(CHECKLIST_DIR, 'payments.md'), 'utf8') },
    ];
    const library = buildChecklistLibrary(files);
    assert.deepEqual(library.checklists.map((c) => c.domain), ['payments']);
    assert.equal(library.errors.length, 1);
    assert.match(library.errors[0].error, /^widgets\.md: item "spin-rate" is not valid YAML/);
  });

  it('refuses unknown keys and bad regular expressions with the item named', () => {
    const typo = parseChecklistFile('w.md', GOOD.replace('severity: high', 'severty: high'));
    assert.ok(!typo.ok && /item "spin-rate": .*severty/.test(typo.error), !typo.ok ? typo.error : '');
    const regex = parseChecklistFile('w.md', GOOD.replace("'/\\d+ turns per minute/'", "'/(unclosed/'"));
    assert.ok(!regex.ok && /item "spin-rate": bad term/.test(regex.error), !regex.ok ? regex.error : '');
  });

  it('judges an item present, partial or missing by its concepts', () => {
    const parsed = parseChecklistFile('w.md', GOOD);
    assert.ok(parsed.ok);
    const item = parsed.checklist.items[0];
    assert.equal(itemCoverage(item, 'widgets spin at 60 turns per minute; more is rejected.').status, 'present');
    const partial = itemCoverage(item, 'widgets spin at 60 turns per minute.');
    assert.deepEqual([partial.status, partial.covered, partial.missing], ['partial', ['a spin limit'], ['the reply past it']]);
    assert.equal(itemCoverage(item, 'widgets are blue.').status, 'missing');
  });

  it('adds a domain with one file: its detect terms join the classifier', () => {
    const parsed = parseChecklistFile('w.md', GOOD);
    assert.ok(parsed.ok);
    const text = 'Each widget and gizmo spins; widgets are sold in sets of gizmos.';
    assert.deepEqual(classifyWithChecklists(text, null, [parsed.checklist]).domains, ['widgets']);
    assert.deepEqual(classifyWithChecklists(text, null, []).domains, []);
  });
});
