import { join } from 'node:path';
import { buildChecklistLibrary, type ChecklistLibrary } from '../../core/review/checklists/checklist-file.js';
import { promptsDir } from '../paths.js';
import { readMarkdownFolder } from './markdown-folder.js';

/** The app's checklist folder (`prompts/checklists/`). */
export const builtinChecklistsDir = join(promptsDir, 'checklists');

/**
 * Every checklist file: the app's, then the user's `<dataDir>/prompts/checklists/`. A user file
 * for a domain the app already has replaces the app's (edit a checklist without touching the
 * app); a file that does not parse is reported and skipped while the others load.
 */
export async function loadChecklists(options: { builtinDir?: string; userDir?: string | null } = {}): Promise<ChecklistLibrary> {
  const builtin = buildChecklistLibrary(await readMarkdownFolder(options.builtinDir ?? builtinChecklistsDir));
  if (!options.userDir) return builtin;
  const user = buildChecklistLibrary(await readMarkdownFolder(options.userDir));
  const replaced = new Set(user.checklists.map((c) => c.domain));
  return {
    checklists: [...builtin.checklists.filter((c) => !replaced.has(c.domain)), ...user.checklists],
    errors: [...builtin.errors, ...user.errors],
  };
}
