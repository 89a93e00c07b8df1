import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OperationName } from '../../core/contract/operations.js';
import type { HostContext } from '../../host/handlers/context.js';
import { disposeHostServices } from '../../host/services.js';
import { openDesktopSession, type DesktopSession } from './support/desktop-session.js';

// The desktop's path capabilities through the preload bridge and main's registration, built as
// electron/main.ts builds them: the renderer side may use only paths a dialog chose, the
// command-line file, the backups folder, or files the library holds.

describe('Electron path capabilities (fake IPC pair, real handlers and store)', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'specbench-caps-')));
  const picks = { open: join(dir, 'picked.md'), save: join(dir, 'saved.md'), folder: join(dir, 'specs-to-import') };
  const cliFile = join(dir, 'from-cli.md');
  let session: DesktopSession;
  let context: HostContext;

  before(async () => {
    writeFileSync(picks.open, '# Picked\n');
    writeFileSync(cliFile, '# From the command line\n');
    session = await openDesktopSession({ dataDir: join(dir, 'home'), dialogs: picks, initialPath: cliFile, pathGrants: true });
    ({ context } = session);
  });
  after(async () => {
    await disposeHostServices(context);
    rmSync(dir, { recursive: true, force: true });
  });

  const ok = <T = Record<string, unknown>>(name: OperationName, args: unknown): Promise<T> => session.ok<T>(name, args);
  async function forbidden(name: OperationName, args: unknown, path: string, hint = /choose it with Open or Save/): Promise<void> {
    const error = await session.failure(name, args);
    assert.equal(error.code, 'FORBIDDEN', `${name}: ${error.message}`);
    assert.ok(error.message.includes(path), error.message);
    assert.match(error.message, hint);
  }

  it('refuses /etc/passwd and any other path the user never chose, writing nothing', async () => {
    await forbidden('files.read', { path: '/etc/passwd' }, '/etc/passwd');
    await forbidden('lint.config', { path: '/etc/passwd' }, '/etc/passwd');
    await forbidden('specs.forFile', { path: '/etc/passwd' }, '/etc/passwd');
    const stray = join(dir, 'stray.md');
    await forbidden('files.write', { path: stray, content: 'x', bom: false }, stray);
    assert.equal(existsSync(stray), false, 'the write handler never ran');
    await forbidden('specs.import', { path: '/etc' }, '/etc', /choose it with Choose folder…/);
    await forbidden('store.backup', { path: join(dir, 'loot.db') }, join(dir, 'loot.db'));
    assert.equal(existsSync(join(dir, 'loot.db')), false);
    await forbidden('store.restoreBackup', { path: '/etc/passwd' }, '/etc/passwd');
    await forbidden('specs.create', { source: { kind: 'markdown', markdown: '# x\n' }, file: '/etc/passwd' }, '/etc/passwd');
  });

  it('refuses a symlink planted to reach an ungranted file, even under an innocent name', async () => {
    const secret = join(dir, 'secret.md');
    writeFileSync(secret, 'secret\n');
    symlinkSync(secret, join(dir, 'notes.md'));
    await forbidden('files.read', { path: join(dir, 'notes.md') }, join(dir, 'notes.md'));
  });

  it('lets the renderer read and write the file chosen in the Open dialog', async () => {
    await forbidden('files.read', { path: picks.open }, picks.open);
    const opened = await ok<{ path: string; content: string }>('files.openDialog', {});
    assert.equal(opened.path, picks.open);
    assert.equal((await ok<{ content: string }>('files.read', { path: picks.open })).content, '# Picked\n');
    await ok('files.write', { path: picks.open, content: '# Edited\n', bom: false });
    assert.equal(readFileSync(picks.open, 'utf8'), '# Edited\n');
    await ok('lint.config', { path: picks.open });
  });

  it('lets the renderer save and export to the path chosen in the Save dialog', async () => {
    await forbidden('files.write', { path: picks.save, content: 'x', bom: false }, picks.save);
    assert.deepEqual(await ok('files.saveDialog', { defaultName: 'saved.md' }), { path: picks.save });
    await ok('files.write', { path: picks.save, content: '# Saved\n', bom: false });
    const created = await ok<{ spec: { id: number } }>('specs.create', { source: { kind: 'markdown', markdown: '# Saved\n' }, file: picks.save });
    await ok('versions.save', { specId: created.spec.id, markdown: '# Saved\n\nmore\n', file: picks.save });
    await ok('specs.export', { id: created.spec.id, path: picks.save });
    assert.match(readFileSync(picks.save, 'utf8'), /more/);
  });

  it('lets the renderer use the file named on the command line (the start-up document)', async () => {
    const initial = await ok<{ path: string }>('app.initialDocument', {});
    assert.equal(initial.path, cliFile);
    await ok('files.write', { path: cliFile, content: '# Changed\n', bom: false });
  });

  it('lets the renderer reopen a file the library already holds (linked in an earlier session)', async () => {
    const held = join(dir, 'held', 'spec.md');
    mkdirSync(join(dir, 'held'));
    writeFileSync(held, '# Held\n');
    await forbidden('files.read', { path: held }, held);
    // An earlier session linked it: the link lives in the store, not in this process's grants.
    await context.store.createSpecForFile({ source: { kind: 'markdown', markdown: '# Held\n' } }, held);
    assert.equal((await ok<{ content: string }>('files.read', { path: held })).content, '# Held\n');
    assert.ok(await ok('specs.forFile', { path: held }));
    await forbidden('files.read', { path: join(dir, 'held', 'other.md') }, join(dir, 'held', 'other.md'));
  });

  it('imports a folder once it is picked in the folder dialog, and the pick grants nothing else', async () => {
    const folder = picks.folder;
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'one.md'), '# One\n');
    writeFileSync(join(folder, 'two.md'), '# Two\n');
    await forbidden('specs.import', { path: folder }, folder, /choose it with Choose folder…/);

    assert.deepEqual(await ok('files.folderDialog', {}), { path: folder });
    const imported = await ok<{ imported: Array<{ file: string; title: string }> }>('specs.import', { path: folder });
    assert.deepEqual(imported.imported.map((f) => f.title).sort(), ['One', 'Two']);

    // Each imported file is linked to its spec (a re-import matches it by path), so like any
    // library file it opens; nothing else in the folder does, and its subfolders are not included.
    assert.equal((await ok<{ content: string }>('files.read', { path: join(folder, 'one.md') })).content, '# One\n');
    writeFileSync(join(folder, 'sub', 'three.md'), '# Three\n');
    await forbidden('files.read', { path: join(folder, 'sub', 'three.md') }, join(folder, 'sub', 'three.md'));
    await forbidden('files.write', { path: join(folder, 'new.md'), content: 'x', bom: false }, join(folder, 'new.md'));
    assert.equal(existsSync(join(folder, 'new.md')), false);
    await forbidden('store.backup', { path: join(folder, 'loot.db') }, join(folder, 'loot.db'));
    await forbidden('specs.import', { path: join(folder, 'sub') }, join(folder, 'sub'), /choose it with Choose folder…/);
  });

  it('backs up into and restores from the backups folder main owns', async () => {
    const backup = await ok<{ path: string }>('store.backup', {});
    assert.ok(backup.path.startsWith(context.store.backupsDir));
    await ok('store.restoreBackup', { path: backup.path });
  });
});
