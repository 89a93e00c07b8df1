// Bundles Electron's main process (ESM) and the preload (CommonJS: a sandboxed preload cannot
// be an ES module) into dist-electron/.
import { build } from 'esbuild';
import { electronMainOptions, electronPreloadOptions } from './bundle-options.mjs';

await build(electronMainOptions);
await build(electronPreloadOptions);
console.log('built dist-electron/main.mjs and dist-electron/preload.cjs');
