import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HostError } from '../common/host-error.js';
import { errnoCode, fsError } from '../common/fs-error.js';
import { resolveWriteTarget, syncFolder } from '../files/safe-write.js';
import type { SqliteDatabase } from '../db/connection.js';
import type { BackupFile } from './types.js';

/** `2026-11-02T10-15-30-123Z`: sortable and valid in file names everywhere. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function backupsDirOf(dataDir: string): string {
  return join(dataDir, 'backups');
}

async function describe(path: string): Promise<BackupFile> {
  const info = await stat(path);
  return { path, bytes: info.size, modifiedAt: info.mtime.toISOString() };
}

/**
 * Copies the open database with SQLite's online backup API, which gives a consistent snapshot
 * while this or another process keeps writing. It is written under a temporary name and
 * renamed, so a backup file that exists is always complete. Never overwrites a file.
 */
export async function backupDatabase(db: SqliteDatabase, target: string): Promise<BackupFile> {
  const folder = dirname(target);
  if (!existsSync(folder)) throw new HostError('NOT_FOUND', `cannot write the backup: folder ${folder} does not exist`);
  // Resolved like a save: a dangling symlink at `target` gets its target written, not replaced.
  const resolved = await resolveWriteTarget(target).catch((error: unknown) => {
    throw fsError(error, `cannot write the backup ${target}`, 'WRITE_FAILED');
  });
  if (resolved.existing || existsSync(target)) throw new HostError('BACKUP_EXISTS', `${target} already exists; choose another name`);
  const partial = `${resolved.real}.partial`;
  try {
    await db.backup(partial);
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, resolved.real);
    await syncFolder(dirname(resolved.real));
  } catch (error) {
    await rm(partial, { force: true });
    // SQLite's own errors pass through, so the store still maps SQLITE_FULL to DISK_FULL.
    throw errnoCode(error) ? fsError(error, `cannot write the backup ${target}`, 'WRITE_FAILED') : error;
  }
  return describe(target);
}

/** `.db` files in the backups folder, newest first. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(names.filter((n) => n.endsWith('.db')).map((n) => describe(join(dir, n))));
  return files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.path.localeCompare(a.path));
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

/**
 * Renames the database and its -wal/-shm files aside (`<file>.replaced-<stamp>`), never
 * deleting them, and returns the new names. Call only with no connection open.
 */
export async function moveAside(file: string): Promise<string[]> {
  const stamp = fileStamp();
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(file + suffix)) continue;
    const target = `${file}.replaced-${stamp}${suffix}`;
    await rename(file + suffix, target);
    moved.push(target);
  }
  return moved;
}

