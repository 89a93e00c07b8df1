import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';

/**
 * A fresh folder under the OS temp dir, removed after the test `t` or, without one, after the
 * suite (or file) that asks for it. The `specbench-` prefix is required: it is what `npm test`'s
 * leftover check (test/tools/run-with-clean-tmp.mjs, AC-6) looks for.
 */
export function tempDir(prefix = 'specbench-test-', t?: TestContext): string {
  if (!prefix.startsWith('specbench-')) throw new Error(`temporary folder prefix "${prefix}" must start with "specbench-"`);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  if (t) t.after(remove);
  else after(remove);
  return dir;
}
