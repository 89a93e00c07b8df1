import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appRoot } from '../../../host/paths.js';

// electron-builder flips these fuses in the packaged binary (FuseOptionsV1 in app-builder-lib).
describe('electron-builder fuses', () => {
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { build: { electronFuses?: Record<string, unknown> } };
  const fuses = pkg.build.electronFuses ?? {};
  const expected: Record<string, boolean> = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };
  for (const [fuse, value] of Object.entries(expected)) {
    it(`sets ${fuse} to ${value}`, () => assert.equal(fuses[fuse], value));
  }

  it('uses only keys electron-builder knows (a misspelt fuse would be silently ignored)', () => {
    const types = readFileSync(join(appRoot, 'node_modules', 'app-builder-lib', 'out', 'configuration.d.ts'), 'utf8');
    const block = types.slice(types.indexOf('export interface FuseOptionsV1'));
    const known = new Set([...block.slice(0, block.indexOf('\n}')).matchAll(/^\s+(\w+)\?:/gm)].map((m) => m[1]));
    assert.ok(known.has('runAsNode'), 'read the FuseOptionsV1 keys');
    for (const key of Object.keys(fuses)) assert.ok(known.has(key), `${key} is not an electron-builder fuse`);
  });
});
