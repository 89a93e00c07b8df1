import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { appRoot } from '../../../host/paths.js';
import { openSpecStore, type SpecStore, type SpecStoreOptions } from '../../../host/store/spec-store.js';
import { tempDir as sharedTempDir } from '../../support/temp-dir.js';

export const samplesDir = join(appRoot, 'samples');

export function sample(name: string): string {
  return readFileSync(join(samplesDir, name), 'utf8');
}

/** The sample specs: every Markdown file in samples/ except the folder's README.md. */
export const sampleSpecFiles: readonly string[] = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();

/** A fresh folder holding a copy of each sample spec, for tests that import a whole folder. */
export function sampleSpecsDir(t: TestContext): string {
  const dir = tempDir(t, 'specbench-samples-');
  for (const f of sampleSpecFiles) copyFileSync(join(samplesDir, f), join(dir, f));
  return dir;
}

/** A fresh folder removed after the test. */
export function tempDir(t: TestContext, prefix = 'specbench-store-'): string {
  return sharedTempDir(prefix, t);
}

/** A store in a fresh data folder, closed after the test. */
export function tempStore(t: TestContext, options?: SpecStoreOptions): SpecStore {
  const store = openSpecStore(tempDir(t), options);
  t.after(() => store.close());
  return store;
}

export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The magic-link sample with its Acceptance Criteria AC-`n` line changed, for versions that differ. */
export function withAcChange(text: string, n: number, suffix: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`- **AC-${n}:**`));
  if (!line) throw new Error(`AC-${n} not found`);
  return text.replace(line, `${line} ${suffix}`);
}
