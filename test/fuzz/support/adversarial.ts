import fc from 'fast-check';

/**
 * Input generators shared by every fuzz target: random text plus the shapes that break parsers
 * and servers (long runs of Markdown punctuation, deep nesting, control characters, invalid
 * UTF-8, huge numbers, thousands of items). `scale` bounds the sizes: 'test' keeps each case
 * small enough for `npm test`; 'fuzz' (npm run fuzz) goes to 10,000 items.
 */
export type Scale = 'test' | 'fuzz';

export interface Sizes {
  /** Longest run of a repeated token. */
  run: number;
  /** Deepest nesting. */
  depth: number;
  /** Most list items / table rows. */
  items: number;
}

export function sizesFor(scale: Scale): Sizes {
  return scale === 'test' ? { run: 400, depth: 200, items: 300 } : { run: 20_000, depth: 5_000, items: 10_000 };
}

const MARKDOWN_PUNCTUATION = ['*', '_', '`', '[', ']', '|', '>', '#', '-', '~', '\\', '!', '(', ')', '<', '&', ':', '{', '}'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\u202e', '\ud800', '\udfff'];

export const controlChar = fc.constantFrom(...CONTROL);

export function hugeNumber(): fc.Arbitrary<number | string> {
  return fc.oneof(
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e308, 2 ** 53, -(2 ** 63)),
    fc.constantFrom('9'.repeat(400), '1e99999', '-1e-99999', '0x7fffffff', 'NaN', 'Infinity', '1_000'),
    fc.double(),
    fc.integer(),
  );
}

/** A token repeated up to `sizes.run` times: `*a*a*a…`, `[[[[`, `> > >`, `|||`. */
function runOf(sizes: Sizes): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...MARKDOWN_PUNCTUATION, '*a', '_a', '`a', '[a', '**', '__', '``', '![', '](', '<a', '&#'), fc.integer({ min: 1, max: sizes.run }))
    .map(([token, n]) => token.repeat(n));
}

function nested(sizes: Sizes): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('> ', '  ', '- ', '1. ', '[', '(', '*', '> - ', '  - '), fc.integer({ min: 1, max: sizes.depth }), fc.string({ maxLength: 20 }))
    .map(([prefix, depth, text]) => `${prefix.repeat(depth)}${text}`);
}

function manyItems(sizes: Sizes): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('- **AC-%:** The API must answer within % ms.', '- FR-%: item %', '| % | % |', '%. step %', '- [ ] task %'), fc.integer({ min: 1, max: sizes.items }))
    .map(([pattern, n]) => Array.from({ length: n }, (_, i) => pattern.replaceAll('%', String(i + 1))).join('\n'));
}

/** A plausible spec skeleton whose pieces are replaced by adversarial fragments. */
function specSkeleton(fragment: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const heading = fc.constantFrom('Context', 'Problem Statement', 'Functional Requirements', 'Non-Functional Requirements', 'Edge Cases and Error Handling', 'Acceptance Criteria', 'Out of Scope', '');
  const frontMatter = fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }).map((t) => `---\ntitle: ${t}\nstatus: draft\n---\n`), fc.constant('---\n: : :\n---\n'), fc.constant('---\n'));
  return fc
    .tuple(frontMatter, fc.string({ maxLength: 30 }), fc.array(fc.tuple(heading, fc.array(fragment, { maxLength: 4 })), { maxLength: 6 }))
    .map(([fm, title, sections]) => `${fm}# ${title}\n\n${sections.map(([h, parts]) => `## ${h}\n${parts.join('\n')}`).join('\n\n')}\n`);
}

/** Markdown-ish text: random, adversarial, or a spec with adversarial parts. */
export function adversarialText(scale: Scale): fc.Arbitrary<string> {
  const sizes = sizesFor(scale);
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 2, arbitrary: runOf(sizes) },
    { weight: 2, arbitrary: nested(sizes) },
    { weight: 1, arbitrary: manyItems(sizes) },
    { weight: 1, arbitrary: fc.array(controlChar, { maxLength: 50 }).map((c) => c.join('')) },
    { weight: 1, arbitrary: hugeNumber().map((n) => `- **AC-1:** answers within ${n} ms and ${n} items`) },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fragment },
    { weight: 1, arbitrary: fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('\n')) },
    { weight: 3, arbitrary: specSkeleton(fragment) },
  );
}

/** Bytes for a file or a request body: valid text, text with broken UTF-8 spliced in, or raw bytes. */
export function adversarialBytes(scale: Scale): fc.Arbitrary<Uint8Array> {
  const invalidUtf8 = fc.constantFrom(
    [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xef, 0xbb, 0xbf], [0x00],
  );
  return fc.oneof(
    adversarialText(scale).map((t) => new TextEncoder().encode(t)),
    fc.tuple(adversarialText(scale), fc.array(invalidUtf8, { maxLength: 5 }), fc.nat()).map(([text, bad, at]) => {
      const bytes = Array.from(new TextEncoder().encode(text));
      for (const b of bad) bytes.splice(bytes.length === 0 ? 0 : at % bytes.length, 0, ...b);
      return Uint8Array.from(bytes);
    }),
    fc.uint8Array({ maxLength: scale === 'test' ? 2_000 : 100_000 }),
  );
}

/** Any JSON value, with adversarial strings and numbers, nested up to `sizes.depth` in fuzz scale. */
export function adversarialJson(scale: Scale): fc.Arbitrary<unknown> {
  const sizes = sizesFor(scale);
  const leaf = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 100 }),
    adversarialText('test').map((t) => t.slice(0, 2_000)),
    hugeNumber(),
    fc.boolean(),
    fc.constant(null),
  );
  const deep = fc
    // Values, not text: a consumer must still be able to serialise them (JSON.stringify recurses).
    .tuple(fc.integer({ min: 1, max: Math.min(sizes.depth, 1_000) }), fc.boolean())
    .map(([depth, asArray]) => {
      let value: unknown = 'x';
      for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
      return value;
    });
  const wide = fc.integer({ min: 0, max: sizes.items }).map((n) => Array.from({ length: n }, (_, i) => i));
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: wide },
    { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), leaf, { maxKeys: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { x: 1 } } }) },
  );
}

/** JSON text nested `depth` deep (as text: deeper than any value could be serialised). */
export function deepJsonText(scale: Scale): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: sizesFor(scale).depth * 4 }), fc.constantFrom('[', '{"a":'), fc.boolean())
    .map(([depth, open, closed]) => `${open.repeat(depth)}1${closed ? (open === '[' ? ']' : '}').repeat(depth) : ''}`);
}
