import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('FR-7: NFR text in Russian is reported "not checked", English text is not', () => {
  assert.deepEqual(
    hits('nfr/language-not-supported', 'Система должна отвечать быстро.', 'nfr').map((h) => [h.severity, h.message]),
    [['info', 'not checked: language not supported (ru)']],
  );
  assert.deepEqual(hits('nfr/language-not-supported', 'The system must store the order in the orders table.', 'nfr'), []);
});
