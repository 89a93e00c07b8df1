import { resolve } from 'node:path';
import { LintConfigError } from '../../core/lint/config/config.js';
import { findLintConfig, loadLintConfig } from '../lint/config-file.js';
import type { HostContext } from './context.js';
import type { Handlers } from './dispatch.js';

export function createLintHandlers(_ctx: HostContext): Pick<Handlers, 'lint.config'> {
  return {
    'lint.config': async ({ path }) => {
      const configPath = await findLintConfig(resolve(path));
      if (!configPath) return { configPath: null, config: {}, error: null };
      try {
        return { configPath, config: await loadLintConfig(configPath), error: null };
      } catch (error) {
        if (!(error instanceof LintConfigError)) throw error;
        const { file, line, column, key, message } = error;
        return { configPath, config: {}, error: { file, line, column, key, message } };
      }
    },
  };
}
