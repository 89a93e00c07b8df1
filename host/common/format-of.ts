import { z } from 'zod';
import { templates } from '../../core/templates/index.js';
import { UsageError } from './usage-error.js';

/** Every name a spec format answers to: its short name (`kiro`) and its template id (`kiro-requirements`). */
export const formatNames: readonly string[] = [...new Set(templates.flatMap((t) => [t.format, t.id]))];

const formatNameSchema = z.string().refine((v) => formatNames.includes(v.toLowerCase()));

/** `--format-of NAME`: overrides the detected format; undefined when not given. */
export function formatOfFlag(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = formatNameSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--format-of must be one of ${templates.map((t) => t.format).join(', ')}`);
  return parsed.data;
}
