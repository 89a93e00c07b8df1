import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The Markdown files of a prompt or checklist folder, sorted by name, READMEs left out; a
 * folder that does not exist (no user folder yet) is simply empty.
 */
export async function readMarkdownFolder(dir: string): Promise<Array<{ file: string; source: string }>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  return Promise.all(files.map(async (name) => ({ file: join(dir, name), source: await readFile(join(dir, name), 'utf8') })));
}
