import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText } from '../../../../core/lint/index.js';
import { isEnglish } from '../../../../core/lint/text/language.js';

test('English, German, French and Japanese are told apart', () => {
  assert.equal(isEnglish('Given a user, when they log in, then the status is 200.'), true);
  assert.equal(isEnglish('Gegeben ein registrierter Benutzer, wenn POST /auth/login gesendet wird, dann ist der Statuscode 200.'), false);
  assert.equal(isEnglish('La connexion fonctionne correctement.'), false);
  assert.equal(isEnglish('ユーザーが POST /orders を送信すると、ステータス 201 が返される。'), false);
  assert.equal(isEnglish('Edge cases covered.'), true);
});

test('non-English text does not crash and English-only rules report nothing', () => {
  for (const text of ['Die Anmeldung funktioniert immer schnell und korrekt.', 'ログインは正しく動作するべきです。', 'Le système doit être rapide, etc.']) {
    const result = lintItemText(text, 'ac');
    assert.deepEqual(result.findings, [], text);
    assert.equal(result.binary, true);
  }
});
