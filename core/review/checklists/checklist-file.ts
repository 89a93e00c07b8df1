import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { severitySchema } from '../finding.js';
import { compileTerm, type CompiledTerm } from '../domains/terms.js';

/** The domain id `general` applies to every spec, whatever its domains. */
export const GENERAL_DOMAIN = 'general';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (at most 64)');
const termList = z.array(z.string().min(1)).min(1);

/** Front matter of a checklist file (`prompts/checklists/<domain>.md`). */
const frontMatterSchema = z
  .object({
    domain: idSchema,
    title: z.string().min(1).max(120),
    /** Only for a domain the built-in classifier does not know: its signals and threshold. */
    detect: z.array(z.tuple([z.string().min(1), z.number().positive()])).min(2).optional(),
    threshold: z.number().positive().optional(),
  })
  .strict();

/** One item: the YAML under a `## <item-id>` heading. */
const itemSchema = z
  .object({
    question: z.string().min(10).max(400),
    why: z.string().min(10).max(600),
    requirement: z.string().min(10).max(800),
    section: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
    severity: severitySchema.default('medium'),
    /** Words that pick the requirement to quote in the target section, tried in order. */
    anchor: z.array(z.string().min(1)).default([]),
    /** Concept name → terms; the spec covers a concept when any of its terms occurs. */
    match: z.record(z.string().min(1), termList).refine((m) => Object.keys(m).length >= 1, 'needs at least one concept'),
  })
  .strict();

export interface ChecklistItem {
  id: string;
  question: string;
  why: string;
  requirement: string;
  /** Section keys the item belongs in, first choice first (six-part and Product Ops keys may both appear). */
  sections: string[];
  severity: z.infer<typeof severitySchema>;
  anchor: CompiledTerm[];
  concepts: Array<{ name: string; terms: CompiledTerm[] }>;
}

export interface Checklist {
  domain: string;
  title: string;
  detect?: Array<[string, number]>;
  threshold?: number;
  items: ChecklistItem[];
  /** The file as written, for the model (the question, why and suggested requirement of each item). */
  file: string;
}

export type ChecklistParse = { ok: true; checklist: Checklist } | { ok: false; file: string; error: string };

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ITEM_HEADING = /^##[ \t]+(.+?)[ \t]*$/gm;

function issues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * Parses one checklist file. Any problem (front matter, an item's YAML, an unknown key, a bad
 * `/regex/` term) rejects the whole file with a message naming the file and item, so the
 * author fixes it rather than getting a silently shorter checklist.
 */
export function parseChecklistFile(file: string, source: string): ChecklistParse {
  const fail = (error: string): ChecklistParse => ({ ok: false, file, error: `${file}: ${error}` });
  const fm = FRONT_MATTER.exec(source);
  if (!fm) return fail('no front matter: start the file with a "---" block holding domain and title');
  let meta: unknown;
  try {
    meta = parseYaml(fm[1]);
  } catch (error) {
    return fail(`front matter is not valid YAML: ${firstLine(error)}`);
  }
  const head = frontMatterSchema.safeParse(meta ?? {});
  if (!head.success) return fail(`front matter: ${issues(head.error)}`);

  const body = source.slice(fm[0].length);
  const headings = [...body.matchAll(ITEM_HEADING)];
  if (headings.length === 0) return fail('no items: each item starts with a "## item-id" heading');
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < headings.length; i++) {
    const id = headings[i][1];
    const where = `item "${id}"`;
    if (!idSchema.safeParse(id).success) return fail(`${where}: the heading must be an id of lower-case letters, digits and dashes`);
    if (seen.has(id)) return fail(`${where}: the id is used twice`);
    seen.add(id);
    const start = headings[i].index! + headings[i][0].length;
    const end = i + 1 < headings.length ? headings[i + 1].index! : body.length;
    let data: unknown;
    try {
      data = parseYaml(body.slice(start, end));
    } catch (error) {
      return fail(`${where} is not valid YAML: ${firstLine(error)}`);
    }
    const parsed = itemSchema.safeParse(data ?? {});
    if (!parsed.success) return fail(`${where}: ${issues(parsed.error)}`);
    try {
      items.push({
        id,
        question: parsed.data.question.trim(),
        why: parsed.data.why.trim(),
        requirement: parsed.data.requirement.trim(),
        sections: parsed.data.section,
        severity: parsed.data.severity,
        anchor: parsed.data.anchor.map(compileTerm),
        concepts: Object.entries(parsed.data.match).map(([name, terms]) => ({ name, terms: terms.map(compileTerm) })),
      });
    } catch (error) {
      return fail(`${where}: bad term: ${firstLine(error)}`);
    }
  }
  const { domain, title, detect, threshold } = head.data;
  return { ok: true, checklist: { domain, title, ...(detect ? { detect } : {}), ...(threshold ? { threshold } : {}), items, file } };
}

/** Every checklist that parsed, and every file that did not with why (the others still run). */
export interface ChecklistLibrary {
  checklists: Checklist[];
  errors: Array<{ file: string; error: string }>;
}

/** Builds the library; a second file for the same domain is an error on the second. */
export function buildChecklistLibrary(files: ReadonlyArray<{ file: string; source: string }>): ChecklistLibrary {
  const checklists: Checklist[] = [];
  const errors: ChecklistLibrary['errors'] = [];
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = parseChecklistFile(f.file, f.source);
    if (!result.ok) errors.push({ file: result.file, error: result.error });
    else if (checklists.some((c) => c.domain === result.checklist.domain)) errors.push({ file: f.file, error: `${f.file}: domain "${result.checklist.domain}" already has a checklist` });
    else checklists.push(result.checklist);
  }
  return { checklists, errors };
}
