import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, encodeUtf8, tooLargeMessage } from '../../../core/markdown/utf8.js';

describe('strict UTF-8', () => {
  it('decodes what TextDecoder decodes, and encodes it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = new TextEncoder().encode(text);
        const decoded = decodeUtf8(bytes);
        assert.ok(decoded.ok);
        assert.equal(decoded.text, text);
        assert.deepEqual(encodeUtf8(text), bytes);
      }),
    );
  });

  const bad: Array<[string, number[], number]> = [
    ['a lone continuation byte', [0x61, 0x62, 0x80], 2],
    ['a lead byte followed by ASCII', [0x61, 0xc3, 0x28], 1],
    ['0xff', [0x61, 0xff], 1],
    ['a truncated 3-byte sequence', [0x61, 0xe2, 0x82], 1],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['an encoded surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ];
  for (const [what, bytes, offset] of bad) {
    it(`names the offset of ${what}`, () => {
      const decoded = decodeUtf8(Uint8Array.from(bytes));
      assert.equal(decoded.ok, false);
      if (!decoded.ok) {
        assert.equal(decoded.offset, offset);
        assert.match(decoded.message, new RegExp(`byte offset ${offset}$`));
      }
    });
  }

  it('keeps a byte-order mark out of the text and writes it back', () => {
    const decoded = decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]));
    assert.deepEqual(decoded, { ok: true, text: '# A', bom: true });
    assert.deepEqual([...encodeUtf8('# A', true)], [0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]);
  });

  it('says how large a file is against the 5 MB limit', () => {
    assert.equal(tooLargeMessage(6 * 1024 * 1024), 'file too large (6.0 MB, limit 5 MB)');
  });
});
