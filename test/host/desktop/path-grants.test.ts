import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { HostError } from '../../../host/common/host-error.js';
import { PathGrants } from '../../../host/desktop/path-grants.js';

describe('PathGrants', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'specbench-grants-')));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '# x\n');
    return path;
  };

  it('allows a granted file, also by another spelling of the same path, and nothing beside it', async () => {
    const grants = new PathGrants();
    const chosen = file('chosen.md');
    const other = file('other.md');
    await grants.grantFile(chosen);
    assert.equal(await grants.allows(chosen), true);
    assert.equal(await grants.allows(join(dir, 'sub', '..', 'chosen.md')), true);
    assert.equal(await grants.allows(other), false);
    assert.equal(await grants.allows(dir), false, 'a granted file does not grant its folder');
  });

  it('grants a file that does not exist yet (a Save dialog target) by its canonical folder', async () => {
    const grants = new PathGrants();
    await grants.grantFile(join(dir, 'new.md'));
    assert.equal(await grants.allows(join(dir, 'new.md')), true);
  });

  it('follows symlinks: a link to an ungranted file is refused, a link to a granted one allowed', async () => {
    const grants = new PathGrants();
    const secret = file('secret.md');
    const chosen = file('chosen2.md');
    await grants.grantFile(chosen);
    symlinkSync(secret, join(dir, 'innocent.md'));
    symlinkSync(chosen, join(dir, 'alias.md'));
    assert.equal(await grants.allows(join(dir, 'innocent.md')), false);
    assert.equal(await grants.allows(join(dir, 'alias.md')), true);
  });

  it('a granted folder covers what is below it, not a sibling sharing its name as a prefix', async () => {
    const grants = new PathGrants();
    mkdirSync(join(dir, 'backups'));
    mkdirSync(join(dir, 'backups-evil'));
    await grants.grantFolder(join(dir, 'backups'));
    assert.equal(await grants.allows(join(dir, 'backups', 'a.db')), true);
    assert.equal(await grants.allows(join(dir, 'backups')), true);
    assert.equal(await grants.allows(join(dir, 'backups-evil', 'a.db')), false);
  });

  it('asks the library for files it holds, by canonical path', async () => {
    const held = file('held.md');
    const asked: string[] = [];
    const grants = new PathGrants({ isLibraryFile: (canonical) => (asked.push(canonical), canonical === held) });
    assert.equal(await grants.allows(join(dir, '.', 'held.md')), true);
    assert.equal(await grants.allows('/etc/passwd'), false);
    assert.deepEqual(asked, [held, '/etc/passwd']);
  });

  it('check() throws FORBIDDEN naming the path and telling the user to choose it with Open or Save', async () => {
    const grants = new PathGrants();
    await assert.rejects(grants.check('/etc/passwd'), (error: unknown) => {
      assert.ok(error instanceof HostError);
      assert.equal(error.code, 'FORBIDDEN');
      assert.match(error.message, /\/etc\/passwd/);
      assert.match(error.message, /choose it with Open or Save/);
      return true;
    });
  });
});
