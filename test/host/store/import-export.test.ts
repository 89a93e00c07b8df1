import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleSpecFiles, samplesDir, tempDir, tempStore } from './helpers.js';

const sampleFiles = sampleSpecFiles;

test('AC-6: importing the samples and exporting them gives byte-identical files', async (t) => {
  assert.ok(sampleFiles.length >= 3, 'the samples folder holds the specs');
  const store = tempStore(t);
  const folder = tempDir(t);
  for (const f of sampleFiles) copyFileSync(join(samplesDir, f), join(folder, f));

  const result = await store.importFolder(folder, { author: 'Product Ops' });
  assert.deepEqual(result.skipped, []);
  assert.deepEqual(result.imported.map((i) => i.file), sampleFiles);
  for (const imported of result.imported) assert.equal(store.listVersions(imported.specId).length, 1);

  const out = tempDir(t);
  for (const imported of result.imported) {
    const exported = await store.exportSpec(imported.specId, { path: out });
    assert.equal(exported.path, join(out, imported.file), 'the export reuses the imported file name');
  }
  for (const f of sampleFiles) {
    assert.ok(readFileSync(join(out, f)).equals(readFileSync(join(samplesDir, f))), `${f} is byte-identical`);
  }
});

test('byte-order marks and CRLF line endings survive import and export', async (t) => {
  const store = tempStore(t);
  const folder = tempDir(t);
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFileSync(join(samplesDir, 'magic-link-draft.md'), 'utf8').replace(/\n/g, '\r\n'), 'utf8')]);
  writeFileSync(join(folder, 'windows.md'), bytes);
  const { imported } = await store.importFolder(folder);
  const exported = await store.exportSpec(imported[0].specId);
  assert.equal(exported.bom, true);
  assert.equal(exported.bytes, bytes.length);
  const out = join(tempDir(t), 'copy.md');
  await store.exportSpec(imported[0].specId, { path: out });
  assert.ok(readFileSync(out).equals(bytes));
});

test('import lists non-Markdown, non-UTF-8, too large, unreadable files and folders as skipped with reasons; the rest import', async (t) => {
  const store = tempStore(t);
  const folder = tempDir(t);
  copyFileSync(join(samplesDir, 'magic-link.md'), join(folder, 'good.md'));
  copyFileSync(join(samplesDir, 'audit-log-export.md'), join(folder, 'also-good.MARKDOWN'));
  writeFileSync(join(folder, 'notes.txt'), 'not a spec');
  writeFileSync(join(folder, 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(folder, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'));
  writeFileSync(join(folder, 'huge.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  symlinkSync(join(folder, 'missing-target.md'), join(folder, 'dangling.md'));
  mkdirSync(join(folder, 'archive.md'));

  const result = await store.importFolder(folder);
  assert.deepEqual(result.imported.map((i) => i.file).sort(), ['also-good.MARKDOWN', 'good.md']);
  const skipped = Object.fromEntries(result.skipped.map((s) => [s.file, [s.code, s.reason]]));
  assert.deepEqual(Object.keys(skipped).sort(), ['archive.md', 'dangling.md', 'diagram.png', 'huge.md', 'latin1.md', 'notes.txt']);
  assert.equal(skipped['notes.txt'][0], 'NOT_MARKDOWN');
  assert.equal(skipped['diagram.png'][0], 'NOT_MARKDOWN');
  assert.deepEqual(skipped['latin1.md'], ['INVALID_UTF8', 'not valid UTF-8: bad byte 0xe9 at byte offset 5']);
  assert.deepEqual(skipped['huge.md'], ['FILE_TOO_LARGE', 'file too large (5.0 MB, limit 5 MB)']);
  assert.equal(skipped['dangling.md'][0], 'UNREADABLE');
  assert.match(skipped['dangling.md'][1], /cannot be read/);
  assert.equal(skipped['archive.md'][0], 'NOT_A_FILE');
  assert.equal(store.listSpecs().length, 2);
});

test('importing a missing folder or a file fails clearly', async (t) => {
  const store = tempStore(t);
  await assert.rejects(store.importFolder(join(tempDir(t), 'nope')), /no such folder/);
  await assert.rejects(store.importFolder(join(samplesDir, 'magic-link.md')), /not a folder/);
});

test('export of a given version, to stdout-style content, to a file, and with a sanitised name from the title', async (t) => {
  const store = tempStore(t);
  const v1 = readFileSync(join(samplesDir, 'magic-link.md'), 'utf8');
  const { spec } = store.createSpec({ source: { kind: 'markdown', markdown: v1 } });
  store.saveVersion({ specId: spec.id, markdown: `${v1}\nmore\n` });
  store.renameSpec(spec.id, 'Auth/Login: magic links 🚀 v2');

  const head = await store.exportSpec(spec.id);
  assert.equal(head.version, 2);
  assert.equal(head.path, null);
  assert.equal(head.content, `${v1}\nmore\n`);
  assert.equal(head.fileName, 'Auth-Login - magic links v2.md');

  const out = tempDir(t);
  const first = await store.exportSpec(spec.id, { version: 1, path: out });
  assert.equal(first.path, join(out, 'Auth-Login - magic links v2.md'));
  assert.equal(readFileSync(first.path!, 'utf8'), v1, 'the content is unchanged by the name sanitising');
  await assert.rejects(store.exportSpec(spec.id, { version: 7 }), /version 7 of spec/);
});
