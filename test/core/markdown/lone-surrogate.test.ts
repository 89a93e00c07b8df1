import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUtf8, encodeUtf8, loneSurrogateIndex, loneSurrogateMessage } from '../../../core/markdown/utf8.js';

test('loneSurrogateIndex finds unpaired high and low surrogates and accepts pairs', () => {
  assert.equal(loneSurrogateIndex('plain text'), -1);
  assert.equal(loneSurrogateIndex('pair \uD83D\uDE00 ok'), -1);
  assert.equal(loneSurrogateIndex('ab\uD800'), 2);
  assert.equal(loneSurrogateIndex('ab\uD800x'), 2);
  assert.equal(loneSurrogateIndex('\uDC00'), 0);
  assert.equal(loneSurrogateIndex('\uD83D\uDE00\uDE00'), 2);
  assert.equal(loneSurrogateMessage('a\nbc\uD801', 4), 'text cannot be saved as UTF-8: lone surrogate U+D801 at character offset 4 (line 2, column 3)');
});

test('exactly the texts without lone surrogates survive encode then strict decode', () => {
  for (const text of ['x\uD800', '\uDFFFy', 'ok \uD83D\uDE00', '']) {
    const decoded = decodeUtf8(encodeUtf8(text));
    assert.equal(decoded.ok && decoded.text === text, loneSurrogateIndex(text) === -1, JSON.stringify(text));
  }
});
