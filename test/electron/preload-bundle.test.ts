import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { electronPreloadOptions } from '../../host/tools/bundle-options.mjs';
import { appRoot } from '../../host/paths.js';

// AC-3: the preload is bundled from the operation names only. Built here in memory with the
// options `npm run build:electron` uses for dist-electron/preload.cjs.
describe('the bundled preload', () => {
  it('is under 20 kB and carries no zod and no schema text', async () => {
    const result = await build({ ...electronPreloadOptions, absWorkingDir: appRoot, write: false, metafile: true });
    const [output] = result.outputFiles;
    assert.ok(output.contents.length < 20_000, `preload.cjs is ${output.contents.length} bytes`);
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((i) => i.includes('node_modules')), [], 'no package is bundled into the preload');
    assert.deepEqual(inputs.filter((i) => /core\/contract\/(operations|ops\/)/.test(i)), [], 'no schema module');
    assert.ok(output.text.includes('"review.clarify.apply"'), 'the bridge names the operations');
    assert.match(output.text, /require\("electron"\)/);
  });
});
