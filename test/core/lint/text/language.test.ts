import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText } from '../../../../core/lint/index.js';
import { detectLanguage, isEnglish } from '../../../../core/lint/text/language.js';

test('English, German, French and Japanese are told apart', () => {
  assert.equal(isEnglish('Given a user, when they log in, then the status is 200.'), true);
  assert.equal(isEnglish('Gegeben ein registrierter Benutzer, wenn POST /auth/login gesendet wird, dann ist der Statuscode 200.'), false);
  assert.equal(isEnglish('La connexion fonctionne correctement.'), false);
  assert.equal(isEnglish('ユーザーが POST /orders を送信すると、ステータス 201 が返される。'), false);
  assert.equal(isEnglish('Edge cases covered.'), true);
});

test('non-English text does not crash: the English rules stay silent and the item is "not checked", never passed (FR-7)', () => {
  const cases: Array<[string, string]> = [
    ['Die Anmeldung funktioniert immer schnell und korrekt.', 'de'],
    ['ログインは正しく動作するべきです。', 'ja'],
    ['Le système doit être rapide, etc.', 'fr'],
  ];
  for (const [text, lang] of cases) {
    const result = lintItemText(text, 'ac');
    assert.deepEqual(result.findings.map((f) => [f.rule, f.message]), [['ac/language-not-supported', `not checked: language not supported (${lang})`]], text);
    assert.equal(result.binary, undefined);
  }
});

test('FR-7: detectLanguage names the language by script first, then by function words', () => {
  assert.equal(detectLanguage('Если пароль неверен, система возвращает статус 401.'), 'ru');
  assert.equal(detectLanguage('Якщо пароль невірний, система повертає статус 401.'), 'uk');
  assert.equal(detectLanguage('用户提交表单后，页面显示成功消息。'), 'zh');
  assert.equal(detectLanguage('Cuando el usuario guarda, el sistema muestra un mensaje para confirmar.'), 'es');
  assert.equal(detectLanguage('Given a user, when GET /a is sent, then the status is 200.'), 'en');
  // Identifiers, endpoints and short texts never make an item foreign.
  assert.equal(detectLanguage('POST /orders → 201'), 'en');
});
