#!/usr/bin/env node
// The published entry point. Runs the esbuild bundle (`npm run build:cli`) while it is fresh;
// otherwise registers tsx so the TypeScript sources run without a build step.
// SPECBENCH_CLI_SOURCE=1 forces the sources.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle-select.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = process.env.SPECBENCH_CLI_SOURCE === '1' ? null : freshBundle(root);
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}
