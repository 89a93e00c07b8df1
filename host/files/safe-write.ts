import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { HostError } from '../common/host-error.js';
import { errnoCode, fsReason } from '../common/fs-error.js';

/** Linux allows 40 links in one lookup; past that a chain is a loop for our purposes too. */
const MAX_LINKS = 40;

export interface WriteTarget {
  /** The file actually replaced: the end of any symlink chain, with parent links resolved. */
  real: string;
  /** Mode bits and owner of the file being replaced, or null when it does not exist yet. */
  existing: { mode: number; uid: number; gid: number } | null;
}

/**
 * Follows `path` to the file a save must replace. Renaming a temp file onto a symlink would
 * replace the link itself and leave its target stale, so the chain is followed first; a
 * dangling link is followed too, so the save creates its target and the link keeps working.
 */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  let current = resolve(path);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const info = await lstat(current).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT') return null;
      throw error;
    });
    if (info?.isSymbolicLink()) {
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (!info) return { real: join(await realpath(dirname(current)), basename(current)), existing: null };
    if (info.isDirectory()) throw new HostError('NOT_A_FILE', `${path}: is a folder, not a file`);
    if (!info.isFile()) throw new HostError('NOT_A_FILE', `${path}: not a regular file; refusing to replace it`);
    return { real: await realpath(current), existing: { mode: info.mode & 0o7777, uid: info.uid, gid: info.gid } };
  }
  throw new HostError('WRITE_FAILED', `could not save ${path}: too many symbolic links (a link loop?)`);
}

/**
 * Replaces the file at `path` with `bytes`, crash-safely: a temp file in the same folder
 * (so the rename stays on one disk), fsync, rename over the real target, fsync the folder so
 * the rename itself survives a power cut. Through a symlink the target is written and the link
 * kept; an existing file keeps its mode and, where permitted, its owner. On failure the old file
 * is untouched and the temp file removed. Errors are HostErrors in words, naming `path`.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<{ path: string; bytes: number }> {
  let temp: string | null = null;
  try {
    const target = await resolveWriteTarget(path);
    const folder = dirname(target.real);
    temp = join(folder, `.${basename(target.real)}.${randomBytes(4).toString('hex')}.tmp`);
    // New files get the usual 0666 & ~umask. A replacement starts with the old file's bits (the
    // umask can only narrow them) so a 0600 file's text is never briefly world-readable; they are
    // then set exactly below, because open() filters its mode through the umask.
    const handle = await open(temp, 'wx', target.existing ? target.existing.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(bytes);
      if (target.existing) await keepMetadata(handle, target.existing);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target.real);
    temp = null;
    await syncFolder(folder);
    return { path, bytes: bytes.length };
  } catch (error) {
    if (temp) await unlink(temp).catch(() => undefined);
    if (error instanceof HostError) throw error;
    throw new HostError('WRITE_FAILED', `could not save ${path}: ${errnoCode(error) === 'ENOENT' ? 'folder does not exist' : fsReason(error)}`);
  }
}

async function keepMetadata(handle: FileHandle, existing: NonNullable<WriteTarget['existing']>): Promise<void> {
  // Owner first: chown may clear setuid/setgid bits, which chmod then restores.
  if (process.getuid && (existing.uid !== process.getuid() || (process.getgid && existing.gid !== process.getgid()))) {
    // Only root (or the owner, for the group) may do this; otherwise the file becomes ours, as
    // any editor's save would make it. Best effort by design.
    await handle.chown(existing.uid, existing.gid).catch(() => undefined);
  }
  await handle.chmod(existing.mode);
}

/** fsync of a folder makes a rename durable on Linux/macOS; Windows cannot open folders for it. */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}
