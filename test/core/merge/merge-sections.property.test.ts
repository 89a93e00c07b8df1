import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mergeSections } from '../../../core/merge/index.js';

// No fence or lone "-"/"=" words: an open fence or a setext underline would make headings vanish.
const word = fc.constantFrom('token', 'email', 'expiry', 'user', 'ünïcode', '—', 'FR-1:', 'AC-2:', '- item', '*', '|', '#');
const line = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));
const body = fc.array(line, { minLength: 0, maxLength: 4 }).map((lines) => lines.map((l) => `${l}\n`).join(''));

/** A spec as distinct sections (heading index → body); printed with a chosen line ending. */
interface Doc {
  preamble: string;
  sections: Array<[number, string]>;
}
const headingOf = (n: number) => (n < 3 ? ['Context', 'Functional Requirements', 'Acceptance Criteria'][n] : `Topic ${n}`);
const print = (doc: Doc, crlf: boolean) => {
  const text = doc.preamble + doc.sections.map(([n, b]) => `## ${headingOf(n)}\n\n${b}`).join('\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
};
const doc: fc.Arbitrary<Doc> = fc.record({
  preamble: fc.constantFrom('', '# Title\n\n', '---\ntitle: T\n---\n# T\n\n'),
  sections: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 12 }), body), { selector: ([n]) => n, maxLength: 8 }),
});

/** Arbitrary text too: Markdown the section model must partition without losing a byte. */
const anyText = fc.oneof(doc.chain((d) => fc.boolean().map((crlf) => print(d, crlf))), fc.string({ unit: 'grapheme', maxLength: 300 }));

describe('mergeSections properties', () => {
  it('base == theirs returns mine byte for byte', () => {
    fc.assert(
      fc.property(anyText, anyText, (base, mine) => {
        const result = mergeSections(base, base, mine);
        assert.equal(result.status, 'clean');
        assert.equal(result.markdown, mine);
      }),
      { numRuns: 400 },
    );
  });

  it('base == mine returns theirs byte for byte', () => {
    fc.assert(
      fc.property(anyText, anyText, (base, theirs) => {
        const result = mergeSections(base, theirs, base);
        assert.equal(result.status, 'clean');
        assert.equal(result.markdown, theirs);
      }),
      { numRuns: 400 },
    );
  });

  // Each section is edited, removed or left by at most one side; each side adds sections of its own.
  const disjoint = doc.chain((b) =>
    fc.record({
      base: fc.constant(b),
      crlf: fc.boolean(),
      plan: fc.array(fc.tuple(fc.constantFrom('keep', 'keep', 'edit', 'remove'), fc.boolean(), body), { minLength: b.sections.length, maxLength: b.sections.length }),
      addTheirs: fc.uniqueArray(fc.tuple(fc.integer({ min: 13, max: 20 }), body, fc.nat()), { selector: ([n]) => n, maxLength: 2 }),
      addMine: fc.uniqueArray(fc.tuple(fc.integer({ min: 21, max: 28 }), body, fc.nat()), { selector: ([n]) => n, maxLength: 2 }),
    }),
  );

  it('disjoint section edits commute and keep both sides\' edits', () => {
    fc.assert(
      fc.property(disjoint, ({ base, crlf, plan, addTheirs, addMine }) => {
        const side = (mineSide: boolean, adds: Array<[number, string, number]>): Doc => {
          const sections: Array<[number, string]> = [];
          base.sections.forEach(([n, b], i) => {
            const [action, onMine, newBody] = plan[i];
            if (action === 'keep' || onMine !== mineSide) sections.push([n, b]);
            else if (action === 'edit') sections.push([n, `${newBody}edited ${n}\n`]);
          });
          for (const [n, b, at] of adds) sections.splice(at % (sections.length + 1), 0, [n, b]);
          return { preamble: base.preamble, sections };
        };
        const b = print(base, crlf);
        const theirs = print(side(false, addTheirs), crlf);
        const mine = print(side(true, addMine), crlf);
        const one = mergeSections(b, theirs, mine);
        const other = mergeSections(b, mine, theirs);
        assert.equal(one.status, 'clean');
        assert.equal(other.status, 'clean');
        assert.equal(one.markdown, other.markdown);
        for (const [n] of [...addTheirs, ...addMine]) assert.ok(one.markdown.includes(`## ${headingOf(n)}`), `added section ${n} kept`);
        base.sections.forEach(([n], i) => {
          const [action] = plan[i];
          const present = one.markdown.includes(`## ${headingOf(n)}${crlf ? '\r' : ''}\n`);
          assert.equal(present, action !== 'remove', `section ${n} after ${action}`);
          if (action === 'edit') assert.ok(one.markdown.includes(`edited ${n}`));
        });
      }),
      { numRuns: 300 },
    );
  });
});
