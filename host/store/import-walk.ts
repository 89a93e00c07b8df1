import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { HostError } from '../common/host-error.js';

/** Bounds of a recursive import: a home folder or a monorepo must fail clearly, never hang. */
export interface WalkLimits {
  /** Folder levels below the root that are read. */
  maxDepth: number;
  /** Markdown specs found; past this the import refuses before importing anything. */
  maxFiles: number;
  /** Directory entries looked at in all (folders and files of any kind). */
  maxEntries: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxDepth: 12, maxFiles: 2000, maxEntries: 100_000 };

export type WalkEntry =
  | { kind: 'file'; path: string; file: string; exportName: string }
  | { kind: 'skipped'; file: string; code: string; reason: string };

/** Folders that never hold the team's specs: dependencies, build output, version control. */
const SKIP_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', 'coverage', 'vendor', 'target']);
/** Hidden folders are skipped except the ones spec tools keep specs in. */
const HIDDEN_KEPT = new Set(['.kiro', '.specify', '.github']);
/** Markdown that is documentation of the repository, not a spec. */
const NOT_SPECS = new Set(['readme.md', 'changelog.md', 'license.md', 'contributing.md', 'code_of_conduct.md', 'security.md', 'agents.md', 'claude.md']);
/** Files spec-kit, Kiro and OpenSpec keep next to a spec that are plans or task lists, not specs. */
const TOOL_SIDE_FILES = new Set(['plan.md', 'tasks.md', 'research.md', 'data-model.md', 'quickstart.md', 'checklist.md', 'proposal.md']);

/**
 * Which layout a Markdown file belongs to, by its path below the root:
 * spec-kit `specs/<feature>/spec.md`, Kiro `.kiro/specs/<feature>/requirements.md|design.md`,
 * OpenSpec `openspec/specs/<capability>/spec.md` (and change deltas under
 * `openspec/changes/<change>/specs/<capability>/spec.md`), else a plain Markdown spec.
 */
export function classifySpecPath(rel: string): { import: true; exportName: string } | { import: false; reason: string } {
  const parts = rel.split(/[\\/]/);
  const name = parts[parts.length - 1].toLowerCase();
  const folder = parts.length > 1 ? parts[parts.length - 2] : '';
  const kiro = parts.indexOf('.kiro');
  if (kiro >= 0 && parts[kiro + 1] === 'specs') {
    return name === 'requirements.md' || name === 'design.md' ? { import: true, exportName: `${folder}-${name}` } : { import: false, reason: 'a Kiro file that is not requirements.md or design.md (tasks are not specs)' };
  }
  const openspec = parts.indexOf('openspec');
  if (openspec >= 0) {
    return name === 'spec.md' ? { import: true, exportName: `${folder}-spec.md` } : { import: false, reason: 'an OpenSpec file that is not a spec.md (proposals, tasks and designs are not imported)' };
  }
  if (parts.length >= 3 && parts[parts.length - 3] === 'specs' && TOOL_SIDE_FILES.has(name)) {
    return { import: false, reason: 'a spec-kit plan, task list or research note, not a spec' };
  }
  if (NOT_SPECS.has(name)) return { import: false, reason: 'repository documentation, not a spec' };
  if (name === 'spec.md' && folder) return { import: true, exportName: `${folder}-spec.md` };
  return { import: true, exportName: parts[parts.length - 1] };
}

/**
 * The Markdown specs under `root`, in path order, with the files and folders left out and why.
 * Symbolic links to folders are followed once (a loop is reported, not walked); folders deeper
 * than `maxDepth` are skipped; more than `maxFiles` specs or `maxEntries` entries refuse the
 * whole import with TOO_MANY_FILES, before anything is imported.
 */
export async function walkSpecFolder(root: string, limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<WalkEntry[]> {
  const info = await stat(root).catch(() => {
    throw new HostError('NOT_FOUND', `${root}: no such folder`);
  });
  if (!info.isDirectory()) throw new HostError('NOT_A_FOLDER', `${root}: is a file, not a folder`);
  const out: WalkEntry[] = [];
  const visited = new Set<string>([await realpath(root)]);
  let entries = 0;
  let files = 0;

  const walk = async (dir: string, depth: number): Promise<void> => {
    const names = (await readdir(dir).catch(() => null))?.sort((a, b) => a.localeCompare(b, 'en'));
    const relDir = relative(root, dir);
    if (!names) {
      out.push({ kind: 'skipped', file: relDir || '.', code: 'UNREADABLE', reason: 'folder cannot be read' });
      return;
    }
    for (const name of names) {
      if (++entries > limits.maxEntries) {
        throw new HostError('TOO_MANY_FILES', `${root}: more than ${limits.maxEntries.toLocaleString('en-US')} files and folders under it; import a smaller folder`);
      }
      const path = join(dir, name);
      const rel = relative(root, path).split(sep).join('/');
      const s = await stat(path).catch((error: NodeJS.ErrnoException) => error);
      if (s instanceof Error) {
        if (extname(name).toLowerCase() === '.md') {
          const why = s.code === 'ENOENT' ? 'it is a link to a file that does not exist' : s.code === 'ELOOP' ? 'it is a symbolic link loop' : `${s.code ?? 'error'}`;
          out.push({ kind: 'skipped', file: rel, code: 'UNREADABLE', reason: `cannot be read: ${why}` });
        }
        continue;
      }
      if (s.isDirectory()) {
        if (SKIP_FOLDERS.has(name) || (name.startsWith('.') && !HIDDEN_KEPT.has(name))) continue;
        if (depth + 1 > limits.maxDepth) {
          out.push({ kind: 'skipped', file: `${rel}/`, code: 'TOO_DEEP', reason: `more than ${limits.maxDepth} folder levels below the imported folder` });
          continue;
        }
        const real = await realpath(path).catch(() => path);
        if (visited.has(real)) {
          out.push({ kind: 'skipped', file: `${rel}/`, code: 'SYMLINK_LOOP', reason: 'links to a folder already imported (a symbolic link loop or a second link)' });
          continue;
        }
        visited.add(real);
        await walk(path, depth + 1);
        continue;
      }
      if (extname(name).toLowerCase() !== '.md' && extname(name).toLowerCase() !== '.markdown') continue;
      const kind = classifySpecPath(rel);
      if (!kind.import) {
        out.push({ kind: 'skipped', file: rel, code: 'NOT_A_SPEC', reason: kind.reason });
        continue;
      }
      if (++files > limits.maxFiles) {
        throw new HostError('TOO_MANY_FILES', `${root}: more than ${limits.maxFiles.toLocaleString('en-US')} Markdown specs under it; import a smaller folder`);
      }
      out.push({ kind: 'file', path, file: rel, exportName: kind.exportName });
    }
  };
  await walk(root, 0);
  return out;
}

