// Bundles the CLI into dist-cli/specbench.mjs (+ one chunk per command), so `specbench` starts
// without compiling TypeScript through tsx. Writes dist-cli/inputs.json, the source files the
// bundle was built from; host/cli/bin.mjs runs the bundle only while none of them is newer.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cliOptions, computeWorkerOptions } from './bundle-options.mjs';

/** Builds the CLI into `outdir` (relative to `root`); returns the input list it wrote. */
export async function buildCli(root, outdir = cliOptions.outdir) {
  const target = join(root, outdir);
  rmSync(target, { recursive: true, force: true });
  const result = await build({ ...cliOptions, absWorkingDir: root, outdir });
  // The compute pool's worker thread sits beside the chunks (see compute-pool.ts workerEntry).
  await build({ ...computeWorkerOptions(join(outdir, 'compute-worker.mjs')), absWorkingDir: root });
  // Packages are bundled too, so a changed lock file (an upgrade) makes the bundle stale as well.
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/') && !path.includes('/node_modules/'));
  const inputs = [...sources, 'package-lock.json'];
  writeFileSync(join(target, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
  return inputs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const inputs = await buildCli(process.cwd());
  console.log(`built dist-cli/specbench.mjs from ${inputs.length} source files`);
}
