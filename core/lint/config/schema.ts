import { z } from 'zod';

export const severitySettingSchema = z.enum(['off', 'info', 'warning', 'error']);
export type SeveritySetting = z.infer<typeof severitySettingSchema>;

const terms = z.array(z.string().trim().min(1, 'a term is empty').max(80, 'a term is longer than 80 characters')).max(500);

/**
 * The shape of `.specbench.json` (FR-9) without the rule-id check, so the API contract can
 * carry a config without importing the rules. `lintConfigSchema` adds the check.
 */
export const lintConfigShape = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), severitySettingSchema).optional(),
    vagueTerms: z.object({ add: terms.optional(), remove: terms.optional() }).strict().optional(),
    /** Team phrases for live validation: "<their phrase>": "<step library expression>". */
    steps: z.record(z.string().min(1).max(300), z.string().min(1).max(300)).optional(),
  })
  .strict();
export type LintConfigInput = z.infer<typeof lintConfigShape>;
