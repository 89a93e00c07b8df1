import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChecklistLibrary, type Checklist } from '../../../core/review/checklists/checklist-file.js';

/** The shipped checklist folder. */
export const CHECKLIST_DIR = new URL('../../../prompts/checklists/', import.meta.url).pathname;

/** Every shipped checklist, read synchronously (core takes them as data; only tests read files here). */
export function loadBuiltinChecklists(): Checklist[] {
  const files = readdirSync(CHECKLIST_DIR)
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ file: join(CHECKLIST_DIR, n), source: readFileSync(join(CHECKLIST_DIR, n), 'utf8') }));
  const library = buildChecklistLibrary(files);
  if (library.errors.length) throw new Error(library.errors.map((e) => e.error).join('\n'));
  return library.checklists;
}
