import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSpec } from '../../../core/markdown/parse.js';
import { serializeSpec } from '../../../core/markdown/serialize.js';
import { composeSpec } from '../../../core/spec/edit.js';
import { samplesDir } from '../../../host/paths.js';

const word = fc.constantFrom('token', 'email', 'expiry', 'user', 'rate', 'limit', 'link', 'session', 'cookie', 'row', 'ünïcode', '—', 'naïve', '✓');
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const emphasised = fc.tuple(phrase, fc.constantFrom('*', '_', '**', '__', '`', '')).map(([p, m]) => `${m}${p}${m}`);
const sentence = fc.array(fc.oneof(phrase, emphasised), { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));
const trailing = fc.constantFrom('', '', ' ', '  ');

const heading = fc.oneof(
  fc.constantFrom('Context', 'Problem Statement', 'Functional Requirements', 'Non-Functional Requirements', 'Edge Cases & Error Handling', 'Edge Cases and Error Handling', 'Acceptance Criteria', 'Glossary', 'Open Questions', 'Background & Motivation', 'Rollout Plan'),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('Context', 'Functional Requirements', 'Acceptance Criteria')).map(([n, h]) => `${n}. ${h}`),
  phrase,
);

const itemLine = fc
  .tuple(fc.constantFrom('FR', 'NFR', 'AC'), fc.integer({ min: 1, max: 30 }), fc.constantFrom('plain', 'bold', 'boldColonInside', 'label'), sentence)
  .map(([kind, n, style, text]) => {
    const id = `${kind}-${n}`;
    if (style === 'bold') return `**${id}**: ${text}`;
    if (style === 'boldColonInside') return `**${id}:** ${text}`;
    if (style === 'label') return `${id} (${text.split(' ')[0]}): ${text}`;
    return `${id}: ${text}`;
  });

const list = fc
  .tuple(fc.constantFrom('-', '*', '+', '1.'), fc.array(fc.tuple(fc.oneof(itemLine, sentence), trailing), { minLength: 1, maxLength: 5 }))
  .map(([marker, lines]) => lines.map(([l, t]) => `${marker} ${l}${t}`).join('\n'));

const table = fc
  .tuple(fc.array(fc.tuple(phrase, fc.constantFrom('200', '400', '429'), sentence), { minLength: 1, maxLength: 4 }), fc.constantFrom('|---|---|---|', '| :-- | --: | :-: |', '|-|-|-|'))
  .map(([rows, rule]) => ['| Scenario | HTTP Status | Response Body |', rule, ...rows.map(([a, b, c]) => `| ${a} |  ${b} | ${c}   |`)].join('\n'));

const fence = sentence.map((s) => ['```md', '## not a heading', s, '```'].join('\n'));
const block = fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 3, arbitrary: list }, { weight: 1, arbitrary: table }, { weight: 1, arbitrary: fence }, { weight: 1, arbitrary: phrase.map((p) => `### ${p}`) });

const section = fc.tuple(heading, fc.array(block, { minLength: 0, maxLength: 4 }), fc.constantFrom('\n\n', '\n', '\n\n\n')).map(([h, blocks, gap]) => `## ${h}\n${gap}${blocks.join(gap)}\n`);

const spec = fc
  .tuple(
    fc.option(fc.tuple(phrase, fc.constantFrom('draft', 'approved')).map(([t, s]) => `---\ntitle: ${t}\nstatus: ${s}\n---\n`)),
    fc.option(phrase.map((p) => `# ${p}\n\n`)),
    fc.array(section, { minLength: 0, maxLength: 7 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([fm, h1, sections, crlf, finalNewline]) => {
    let text = `${fm ?? ''}${h1 ?? ''}${sections.join('\n')}`;
    if (!finalNewline) text = text.replace(/\n+$/, '');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** What parsing yields, without the source string itself (compared separately). */
const shape = (text: string) => {
  const { source: _source, ...rest } = parseSpec(text);
  return rest;
};

describe('Markdown round trip', () => {
  for (const name of readdirSync(samplesDir).filter((f) => f.endsWith('.md'))) {
    it(`samples/${name} comes back byte for byte, LF and CRLF`, () => {
      const lf = readFileSync(join(samplesDir, name), 'utf8');
      for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
        const doc = parseSpec(text);
        assert.equal(serializeSpec(doc), text);
        assert.deepEqual(shape(serializeSpec(doc)), shape(text));
      }
    });
  }

  it('generated specs (random sections, items, tables, list markers, emphasis, CRLF/LF) round-trip unchanged', () => {
    fc.assert(
      fc.property(spec, (text) => {
        const doc = parseSpec(text);
        const out = serializeSpec(doc);
        assert.equal(out, text);
        assert.deepEqual(shape(out), shape(text));
      }),
      { numRuns: 300 },
    );
  });

  it('editing one section changes only that section\'s bytes', () => {
    const newBody = fc.array(fc.oneof(sentence, list), { minLength: 1, maxLength: 3 }).map((b) => `${b.join('\n\n')}\n`);
    fc.assert(
      fc.property(spec, newBody, fc.nat(), (text, body, pick) => {
        const doc = parseSpec(text);
        fc.pre(doc.sections.length > 0 && doc.sections.every((s) => s.heading !== null));
        const index = pick % doc.sections.length;
        const edited = parseSpec(composeSpec(doc, new Map([[index, body]])));
        assert.equal(edited.preamble, doc.preamble);
        assert.equal(edited.sections.length, doc.sections.length);
        edited.sections.forEach((s, i) => {
          // The one allowed change outside the body: a heading on the last line gains its line ending.
          assert.equal(s.headingRaw.replace(/\r?\n$/, ''), doc.sections[i].headingRaw.replace(/\r?\n$/, ''));
          if (i !== index) assert.equal(s.headingRaw, doc.sections[i].headingRaw);
          if (i === index) assert.equal(s.body, doc.eol === '\r\n' ? body.replace(/\n/g, '\r\n') : body);
          else assert.equal(s.body, doc.sections[i].body);
        });
      }),
      { numRuns: 200 },
    );
  });
});
