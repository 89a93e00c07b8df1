import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeFileName } from '../../../core/spec/file-names.js';

test('export file names lose path separators, reserved characters and emoji, and keep readable text', () => {
  const cases: Array<[string, string]> = [
    ['Magic Link Authentication', 'Magic Link Authentication.md'],
    ['magic-link.md', 'magic-link.md'],
    ['notes.markdown', 'notes.markdown'],
    ['../../etc/passwd', 'etc-passwd.md'],
    ['C:\\Users\\spec', 'C-Users-spec.md'],
    ['Launch 🚀 plan 👩‍💻 🇸🇪', 'Launch plan.md'],
    ['What? <Why> "How" | *Now*', 'What - Why - How - Now.md'],
    ['Auth/Login: magic links', 'Auth-Login - magic links.md'],
    ['CON', 'CON-spec.md'],
    ['  . hidden .  ', 'hidden.md'],
    ['tab\tand\nnewline', 'tab and newline.md'],
    ['Café résumé', 'Café résumé.md'],
  ];
  for (const [input, expected] of cases) assert.equal(sanitizeFileName(input, 'spec-1'), expected, input);
});

test('a name with nothing usable falls back; long names are cut without splitting characters', () => {
  assert.equal(sanitizeFileName('🚀🚀', 'spec-7'), 'spec-7.md');
  assert.equal(sanitizeFileName('///', 'spec-7'), 'spec-7.md');
  const long = sanitizeFileName('é'.repeat(300), 'x');
  assert.ok(Buffer.byteLength(long) <= 200);
  assert.ok(long.endsWith('é.md'));
  assert.ok(!long.includes('\uFFFD'));
});
