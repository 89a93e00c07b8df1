import type { OperationName } from '../../core/contract/operations.js';
import type { Handlers } from '../handlers/dispatch.js';
import type { HostContext } from '../handlers/context.js';
import { PathGrants } from './path-grants.js';

/**
 * Every operation argument that names a file or folder on the host, by operation. The desktop
 * guard checks each against the grants before the handler runs; a test walks the contract's
 * schemas so a new path argument cannot be added without landing here (or in the list of
 * fields that are not host paths, such as URL paths).
 */
export const hostPathFields = {
  'files.read': ['path'],
  'files.write': ['path'],
  'lint.config': ['path'],
  'specs.forFile': ['path'],
  'specs.create': ['file'],
  'specs.import': ['path'],
  'specs.export': ['path'],
  'versions.save': ['file'],
  'store.backup': ['path'],
  'store.restoreBackup': ['path'],
  'reviewPackage.export': ['path'],
  'reviewPackage.import': ['path'],
  'validate.run': ['path'],
} as const satisfies Partial<Record<OperationName, readonly string[]>>;

/** Operations whose result carries a path main itself chose (a native dialog, the start-up file): the path is granted. */
const grantingResults = ['files.openDialog', 'files.saveDialog', 'app.initialDocument'] as const satisfies readonly OperationName[];

/** Path arguments checked as a folder to import (a folder picked for import is granted to these only). */
const importPathOps: ReadonlySet<string> = new Set<OperationName>(['specs.import']);

type AnyHandler = (args: unknown) => Promise<unknown>;

/**
 * The desktop handler map: each path argument checked per call, and each dialog's choice granted.
 * Browser mode does not use it (there the user and the host are the same person at one machine).
 */
export function guardPaths(handlers: Handlers, grants: PathGrants): Handlers {
  const guarded: Record<string, AnyHandler> = { ...(handlers as unknown as Record<string, AnyHandler>) };
  for (const [name, fields] of Object.entries(hostPathFields)) {
    const inner = guarded[name]!;
    guarded[name] = async (args) => {
      for (const field of fields) {
        const value = (args as Record<string, unknown>)[field];
        if (typeof value === 'string') await grants.check(value, importPathOps.has(name) ? 'import' : 'file');
      }
      return inner(args);
    };
  }
  for (const name of grantingResults) {
    const inner = guarded[name]!;
    guarded[name] = async (args) => {
      const result = await inner(args);
      const path = (result as { path?: unknown } | null)?.path;
      if (typeof path === 'string') await grants.grantFile(path);
      return result;
    };
  }
  // The folder picker's choice may be imported, nothing more: importing links each imported file
  // to its spec (a re-import matches it by path), so those files open like any library file;
  // any other file in the folder still needs Open or Save.
  const pickFolder = guarded['files.folderDialog']!;
  guarded['files.folderDialog'] = async (args) => {
    const result = await pickFolder(args);
    const path = (result as { path?: unknown } | null)?.path;
    if (typeof path === 'string') await grants.grantImportFolder(path);
    return result;
  };
  return guarded as unknown as Handlers;
}

/**
 * The grants main starts with: the command-line file, the backups folder (main owns it; Restore
 * lists its files), and every file the library holds a link to.
 */
export async function desktopPathGrants(ctx: Pick<HostContext, 'store' | 'initialPath'>): Promise<PathGrants> {
  const grants = new PathGrants({ isLibraryFile: (canonical) => ctx.store.holdsFile(canonical) });
  if (ctx.initialPath) await grants.grantFile(ctx.initialPath);
  await grants.grantFolder(ctx.store.backupsDir);
  return grants;
}
