import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hits } from '../../helpers.js';

test('FR-7: FR text in Russian is reported "not checked", English text is not', () => {
  assert.deepEqual(
    hits('fr/language-not-supported', 'Система должна сохранять заказ в базе данных.', 'fr').map((h) => [h.severity, h.message]),
    [['info', 'not checked: language not supported (ru)']],
  );
  assert.deepEqual(hits('fr/language-not-supported', 'The system must store the order in the orders table.', 'fr'), []);
});
