#!/usr/bin/env node
// The published entry point. Runs the esbuild bundle (`npm run build:cli`) while it is fresh;
// otherwise registers tsx so the TypeScript sources run without a build step.
// SPECBENCH_CLI_SOURCE=1 forces the sources.
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle-select.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = process.env.SPECBENCH_CLI_SOURCE === '1' ? null : freshBundle(root);
if (bundle) {
  // V8's code cache for the bundle, kept beside it (a rebuild empties it): about a third less
  // start-up CPU from the second run on. Absent before Node 22.1, hence the guard.
  nodeModule.enableCompileCache?.(join(dirname(bundle), '.compile-cache'));
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}
