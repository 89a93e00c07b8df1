import { dirname, join } from 'node:path';
import type { LintConfigInput } from '../../core/lint/index.js';
import { findLintConfig, loadLintConfig } from './config-file.js';

/**
 * The `.specbench.json` settings that apply to a spec file, for the readiness the host stores
 * with each version. A broken config counts as none, as in the editor (which shows the error and
 * lints with the defaults), so a typo in the config never blocks a save.
 */
export async function lintConfigForSpecFile(specPath: string): Promise<LintConfigInput | undefined> {
  const configPath = await findLintConfig(specPath);
  if (!configPath) return undefined;
  try {
    return await loadLintConfig(configPath);
  } catch {
    // Invalid (LintConfigError) or gone since it was found: the defaults apply.
    return undefined;
  }
}

/**
 * `lintConfigForSpecFile` for many files, looked up once per folder: what an import of a folder
 * tree needs (each file linted with the `.specbench.json` of its own folder).
 */
export function lintConfigsByFolder(): (file: string) => Promise<LintConfigInput | undefined> {
  const configs = new Map<string, Promise<LintConfigInput | undefined>>();
  return (file) => {
    const folder = dirname(file);
    let config = configs.get(folder);
    if (!config) {
      config = lintConfigForSpecFile(join(folder, 'any.md'));
      configs.set(folder, config);
    }
    return config;
  };
}
