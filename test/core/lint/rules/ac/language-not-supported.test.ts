import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintItemText, resolveLintConfig } from '../../../../../core/lint/index.js';
import { hits, lintParts } from '../../helpers.js';

const RUSSIAN = 'Когда пользователь отправляет POST /orders с пустой корзиной, система возвращает статус 400.';

test('AC-9: a criterion in Russian gets one "not checked" info finding and no verdict, never a pass', () => {
  const result = lintItemText(RUSSIAN, 'ac');
  assert.deepEqual(
    result.findings.map((f) => [f.rule, f.severity, f.message]),
    [['ac/language-not-supported', 'info', 'not checked: language not supported (ru)']],
  );
  assert.equal(result.binary, undefined);
});

test('AC-9: the Russian criterion earns no readiness credit, the same criterion in English does', () => {
  const fr = ['The system must provide POST /orders.'];
  const english = lintParts({ frs: fr, acs: ['When POST /orders is sent with an empty cart, then the response status is 400.'] }).readiness.breakdown.binaryAcs;
  const russian = lintParts({ frs: fr, acs: [RUSSIAN] }).readiness.breakdown.binaryAcs;
  assert.deepEqual([english.binary, english.total], [1, 1]);
  assert.deepEqual([russian.binary, russian.total, russian.points], [0, 1, 0]);
});

test('the language is detected per item and named by its code', () => {
  assert.match(hits('ac/language-not-supported', 'Wenn der Benutzer das Formular absendet, wird die Seite neu geladen und die Meldung angezeigt.')[0].message, /\(de\)$/);
  assert.match(hits('ac/language-not-supported', 'ユーザーが保存すると、メッセージが表示される。')[0].message, /\(ja\)$/);
  assert.match(hits('ac/language-not-supported', '用户提交表单后，页面显示成功消息。')[0].message, /\(zh\)$/);
});

test('English with a quoted literal in another language is checked as English', () => {
  const text = 'Given the locale "ru", when the home page opens, then the heading reads "Добро пожаловать".';
  assert.deepEqual(hits('ac/language-not-supported', text), []);
  assert.equal(lintItemText(text, 'ac').binary, true);
});

test('turning the rule off hides the finding but never turns the item into a pass', () => {
  const off = lintItemText(RUSSIAN, 'ac', resolveLintConfig({ rules: { 'ac/language-not-supported': 'off' } }));
  assert.deepEqual(off.findings, []);
  assert.equal(off.binary, undefined);
});
