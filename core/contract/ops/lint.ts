import { z } from 'zod';
import { lintConfigShape } from '../../lint/config/schema.js';
import { defineOperation } from '../define.js';

export const lintConfigProblemSchema = z.object({
  /** The config file as the host found it. */
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** Dotted path of the bad key ("rules.ac/wek-modal"); '' when the file as a whole is bad. */
  key: z.string(),
  /** "file:line:column: "key": reason", ready to show. */
  message: z.string(),
});

export const lintOperations = {
  'lint.config': defineOperation({
    doc: 'The lint configuration for a spec file: the .specbench.json next to it, or none. A broken config comes back as `error` (file, line, key) so the editor can show it and lint with the defaults; the worker runs core/lint itself.',
    args: z.object({ path: z.string().min(1, 'path is empty').max(4096, 'path is longer than 4096 characters') }).strict(),
    result: z.object({
      /** Absolute path of the config that applies, or null when the folder has none. */
      configPath: z.string().nullable(),
      /** The settings to pass to `resolveLintConfig`; `{}` when there is no usable config. */
      config: lintConfigShape,
      error: lintConfigProblemSchema.nullable(),
    }),
  }),
};
