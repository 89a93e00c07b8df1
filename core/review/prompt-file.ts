import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** What a pass produces: findings, proposed section text, a hand-off brief, or questions. */
export const passKindSchema = z.enum(['review', 'draft', 'brief', 'clarify']);
export type PassKind = z.infer<typeof passKindSchema>;

/** What a pass reads besides its instructions: the spec, pasted code, a chosen endpoint. */
export const passInputSchema = z.enum(['spec', 'code', 'endpoint']);
export type PassInput = z.infer<typeof passInputSchema>;

const sectionList = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** The front matter every file in `prompts/` starts with. Unknown keys are refused (typos). */
export const promptFrontMatterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be lower-case letters, digits and dashes (at most 64)'),
    title: z.string().min(1).max(120),
    step: z.number().int().min(0).max(99),
    kind: passKindSchema,
    inputs: z.array(passInputSchema).min(1),
    /** Section keys the pass works on; `all` for the whole spec. */
    section: sectionList,
    description: z.string().max(500).optional(),
    /** Templates the pass fits; absent means every template (FR-3: Product Ops has its own pass). */
    templates: z.array(z.enum(['agent-ready', 'product-ops'])).min(1).optional(),
  })
  .strict();

/** A prompt file that parsed: front matter plus the instructions written under it. */
export interface PassPrompt {
  id: string;
  title: string;
  step: number;
  kind: PassKind;
  inputs: PassInput[];
  sections: string[];
  description?: string;
  /** Templates the pass fits; undefined for every template. */
  templates?: Array<'agent-ready' | 'product-ops'>;
  /** The Markdown under the front matter: the pass-specific instructions. */
  instructions: string;
  file: string;
  origin: 'builtin' | 'user';
}

export type PromptParse = { ok: true; prompt: PassPrompt } | { ok: false; file: string; origin: 'builtin' | 'user'; error: string };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses one prompt file; a bad file yields its error rather than throwing. */
export function parsePromptFile(file: string, source: string, origin: 'builtin' | 'user' = 'builtin'): PromptParse {
  const fail = (error: string): PromptParse => ({ ok: false, file, origin, error });
  const match = FRONT_MATTER.exec(source);
  if (!match) return fail('no front matter: the file must start with a "---" block holding id, title, step, kind, inputs and section');
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return fail(`front matter is not valid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  const parsed = promptFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return fail(`front matter: ${issues.join('; ')}`);
  }
  const instructions = source.slice(match[0].length).trim();
  if (parsed.data.kind !== 'brief' && instructions === '') return fail('the file has no instructions under its front matter');
  const { section, ...rest } = parsed.data;
  return { ok: true, prompt: { ...rest, sections: section, instructions, file, origin } };
}

/** Whether a pass fits a spec written in the given template. */
export function passFitsTemplate(prompt: Pick<PassPrompt, 'templates'>, template: string): boolean {
  return prompt.templates === undefined || (prompt.templates as string[]).includes(template);
}

/** The passes the app offers, and the files that could not be used, with why. */
export interface PromptLibrary {
  passes: PassPrompt[];
  errors: Array<{ file: string; origin: 'builtin' | 'user'; error: string }>;
}

/**
 * Builds the library from every file found. A user file with the id of a built-in one
 * replaces it (that is how users edit a pass); two files of the same origin and id are an
 * error on the second. Passes come back ordered by step, then id.
 */
export function buildPromptLibrary(files: ReadonlyArray<{ file: string; source: string; origin: 'builtin' | 'user' }>): PromptLibrary {
  const byId = new Map<string, PassPrompt>();
  const errors: PromptLibrary['errors'] = [];
  const ordered = [...files].sort((a, b) => (a.origin === b.origin ? a.file.localeCompare(b.file) : a.origin === 'builtin' ? -1 : 1));
  for (const f of ordered) {
    const result = parsePromptFile(f.file, f.source, f.origin);
    if (!result.ok) {
      errors.push({ file: result.file, origin: result.origin, error: result.error });
      continue;
    }
    const earlier = byId.get(result.prompt.id);
    if (earlier && earlier.origin === result.prompt.origin) {
      errors.push({ file: f.file, origin: f.origin, error: `id "${result.prompt.id}" is already used by ${earlier.file}` });
      continue;
    }
    byId.set(result.prompt.id, result.prompt);
  }
  const passes = [...byId.values()].sort((a, b) => a.step - b.step || a.id.localeCompare(b.id));
  return { passes, errors };
}
