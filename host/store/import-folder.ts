import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { OpenedFile } from '../../core/contract/ops/app.js';
import { readSpecFile } from '../files/spec-file.js';
import { walkSpecFolder, type WalkLimits } from './import-walk.js';
import { HostError } from '../common/host-error.js';

/** Extensions imported as specs; everything else is listed as skipped. */
const MARKDOWN = new Set(['.md', '.markdown']);

export type FolderEntry =
  /** `exportName`: the name an export uses, for specs whose file name says little ("spec.md" → "001-auth-spec.md"). */
  | { kind: 'spec'; file: string; spec: OpenedFile; exportName?: string }
  | { kind: 'skipped'; file: string; code: string; reason: string };

/**
 * Reads a folder's files in name order (not its subfolders), one at a time so a large folder
 * never sits in memory at once, classifying each as a spec to import or skipped with a reason.
 */
export async function* readSpecFolder(dir: string): AsyncGenerator<FolderEntry> {
  const info = await stat(dir).catch(() => {
    throw new HostError('NOT_FOUND', `${dir}: no such folder`);
  });
  if (!info.isDirectory()) throw new HostError('NOT_A_FOLDER', `${dir}: is a file, not a folder`);
  const names = (await readdir(dir)).sort((a, b) => a.localeCompare(b, 'en'));
  for (const file of names) {
    const path = join(dir, file);
    const kind = await stat(path).then(
      (s) => (s.isDirectory() ? 'folder' : 'file'),
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'dangling' : 'unreadable'),
    );
    if (kind === 'folder') {
      yield { kind: 'skipped', file, code: 'NOT_A_FILE', reason: 'is a folder (import its files separately)' };
    } else if (!MARKDOWN.has(extname(file).toLowerCase())) {
      yield { kind: 'skipped', file, code: 'NOT_MARKDOWN', reason: 'not a Markdown file (only .md and .markdown are imported)' };
    } else if (kind === 'dangling') {
      yield { kind: 'skipped', file, code: 'UNREADABLE', reason: 'cannot be read: it is a link to a file that does not exist' };
    } else {
      try {
        yield { kind: 'spec', file, spec: await readSpecFile(path) };
      } catch (error) {
        yield skippedFor(file, path, error);
      }
    }
  }
}

/**
 * The specs of a whole folder tree (`specs import DIR --recursive`), read one at a time. The
 * walk and its bounds come first (import-walk.ts): a tree over the limits fails before any file
 * is read. `file` is the path relative to `dir`.
 */
export async function* readSpecTree(dir: string, limits?: WalkLimits): AsyncGenerator<FolderEntry> {
  for (const entry of await walkSpecFolder(dir, limits)) {
    if (entry.kind === 'skipped') {
      yield entry;
      continue;
    }
    try {
      yield { kind: 'spec', file: entry.file, spec: await readSpecFile(entry.path), exportName: entry.exportName };
    } catch (error) {
      yield skippedFor(entry.file, entry.path, error);
    }
  }
}

function skippedFor(file: string, path: string, error: unknown): FolderEntry {
  if (error instanceof HostError && (error.code === 'INVALID_UTF8' || error.code === 'FILE_TOO_LARGE' || error.code === 'NOT_A_FILE')) {
    // readSpecFile prefixes the path; the import report already names the file.
    return { kind: 'skipped', file, code: error.code, reason: error.message.replace(`${path}: `, '') };
  }
  const err = error as NodeJS.ErrnoException;
  const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message.replace(`${path}: `, '');
  return { kind: 'skipped', file, code: 'UNREADABLE', reason: `cannot be read: ${why}` };
}
