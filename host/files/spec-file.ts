import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OpenedFile } from '../../core/contract/ops/app.js';
import { MAX_SPEC_BYTES, decodeUtf8, encodeUtf8, tooLargeMessage } from '../../core/markdown/utf8.js';
import { HostError } from '../common/host-error.js';

/**
 * Reads a spec file with the checks every entry point shares (UI, CLI, folder import):
 * exists, is a file, at most 5 MB, valid UTF-8 (naming the first bad byte).
 */
export async function readSpecFile(path: string): Promise<OpenedFile> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new HostError('NOT_FOUND', `${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new HostError('NOT_A_FILE', `${path}: is a directory, not a Markdown file`);
  if (info.size > MAX_SPEC_BYTES) throw new HostError('FILE_TOO_LARGE', `${path}: ${tooLargeMessage(info.size)}`);
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new HostError('INVALID_UTF8', `${path}: ${decoded.message}`);
  return { path, name: basename(path), content: decoded.text, bom: decoded.bom };
}

/** Writes via a temporary file and rename, so a failed save never leaves half a file. */
export async function writeSpecFile(path: string, content: string, bom: boolean): Promise<{ path: string; bytes: number }> {
  const bytes = encodeUtf8(content, bom);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const err = error as NodeJS.ErrnoException;
    const reason = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOENT' ? 'folder does not exist' : err.message;
    throw new HostError('WRITE_FAILED', `could not save ${path}: ${reason}`);
  }
  return { path, bytes: bytes.length };
}
