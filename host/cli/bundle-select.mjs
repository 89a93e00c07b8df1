// Plain JavaScript: bin.mjs decides with this before anything can compile TypeScript.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The bundled CLI entry under `root`, or null when the sources should run through tsx instead:
 * no bundle, no input list, or any source the bundle was built from is missing or newer than it
 * (an edited checkout must never run yesterday's build).
 */
export function freshBundle(root, bundleDir = 'dist-cli') {
  const entry = join(root, bundleDir, 'specbench.mjs');
  try {
    const builtAt = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, bundleDir, 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return null;
    for (const input of inputs) {
      if (statSync(join(root, input)).mtimeMs > builtAt) return null;
    }
    return entry;
  } catch {
    return null;
  }
}
