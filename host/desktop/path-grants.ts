import { sep } from 'node:path';
import { HostError } from '../common/host-error.js';
import { canonicalPath } from '../files/file-identity.js';

/** What a path is used for: reading or writing a file (the default), or importing a folder. */
export type PathPurpose = 'file' | 'import';

/**
 * What the desktop renderer may touch on disk. A compromised renderer must not own the file
 * system, so main grants capabilities only from sources the renderer cannot forge: a path the
 * user chose in a native dialog, the file named on the command line, a folder main itself owns
 * (the backups folder), or a file the library already holds (a file link in the store). Every
 * path is compared by its canonical name (symlinks resolved), so a link planted under a granted
 * name cannot reach another file.
 */
export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  /** Folders the user picked to import: readable by `specs.import` only, never by files.* or exports. */
  private readonly importFolders = new Set<string>();

  constructor(private readonly options: { isLibraryFile?: (canonical: string) => boolean } = {}) {}

  /** Grants one file (a dialog's choice, the command-line file). */
  async grantFile(path: string): Promise<void> {
    this.files.add(await canonicalPath(path));
  }

  /** Grants a folder and everything below it (only folders main owns, never one the renderer names). */
  async grantFolder(path: string): Promise<void> {
    this.folders.add(await canonicalPath(path));
  }

  /** Grants one folder to be imported (the folder picker's choice): only for `purpose: 'import'`, and not below it. */
  async grantImportFolder(path: string): Promise<void> {
    this.importFolders.add(await canonicalPath(path));
  }

  /** True when the renderer may read or write `path`; with `purpose: 'import'`, also a folder picked for import. */
  async allows(path: string, purpose: PathPurpose = 'file'): Promise<boolean> {
    const canonical = await canonicalPath(path);
    if (this.files.has(canonical) || this.folders.has(canonical)) return true;
    if (purpose === 'import' && this.importFolders.has(canonical)) return true;
    for (const folder of this.folders) if (canonical.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return true;
    return this.options.isLibraryFile?.(canonical) ?? false;
  }

  /** Throws FORBIDDEN naming the path unless it is granted. */
  async check(path: string, purpose: PathPurpose = 'file'): Promise<void> {
    if (await this.allows(path, purpose)) return;
    if (purpose === 'import') throw new HostError('FORBIDDEN', `not allowed to import ${path}: the desktop app only imports folders you choose; choose it with Choose folder…`);
    throw new HostError('FORBIDDEN', `not allowed to use ${path}: the desktop app only opens and saves files you choose; choose it with Open or Save`);
  }
}
