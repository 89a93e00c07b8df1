// Bundles Electron's main process (ESM) and the preload (CommonJS: a sandboxed preload cannot
// be an ES module) into dist-electron/.
import { build } from 'esbuild';
import { computeWorkerOptions, electronMainOptions, electronPreloadOptions } from './bundle-options.mjs';

await build(electronMainOptions);
// The compute pool's worker thread (host/compute/worker.ts), found next to main.mjs at run time.
await build(computeWorkerOptions('dist-electron/compute-worker.mjs'));
await build(electronPreloadOptions);
console.log('built dist-electron/main.mjs, compute-worker.mjs and preload.cjs');
