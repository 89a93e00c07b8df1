import { join } from 'node:path';
import { buildPromptLibrary, type PromptLibrary } from '../../core/review/prompt-file.js';
import { promptsDir } from '../paths.js';
import { readMarkdownFolder } from './markdown-folder.js';

/** The folder users put their own prompt files in. */
export function userPromptsDir(dataDir: string): string {
  return join(dataDir, 'prompts');
}

async function readFolder(dir: string, origin: 'builtin' | 'user') {
  return (await readMarkdownFolder(dir)).map((f) => ({ ...f, origin }));
}

/**
 * Every prompt file: the app's `prompts/` folder, then the user's (which may replace passes
 * by id or add new ones). Files are read fresh each time, so edits show without a restart.
 */
export async function loadPromptLibrary(options: { builtinDir?: string; userDir?: string | null } = {}): Promise<PromptLibrary> {
  const builtin = await readFolder(options.builtinDir ?? promptsDir, 'builtin');
  const user = options.userDir ? await readFolder(options.userDir, 'user') : [];
  return buildPromptLibrary([...builtin, ...user]);
}
