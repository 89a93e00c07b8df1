import { basename } from 'node:path';
import type { OpenedFile } from '../../core/contract/ops/app.js';
import { MAX_SPEC_BYTES, decodeUtf8, encodeUtf8, loneSurrogateIndex, loneSurrogateMessage, tooLargeMessage } from '../../core/markdown/utf8.js';
import { HostError } from '../common/host-error.js';
import { readRegularFile } from './read-limited.js';
import { writeFileAtomic } from './safe-write.js';

/**
 * Reads a spec file with the checks every entry point shares (UI, CLI, folder import): exists,
 * is a regular file (no FIFO, socket or device), at most 5 MB counted while reading, valid
 * UTF-8 (naming the first bad byte).
 */
export async function readSpecFile(path: string): Promise<OpenedFile> {
  const read = await readRegularFile(path, MAX_SPEC_BYTES);
  if (!read.ok) {
    throw new HostError('FILE_TOO_LARGE', `${path}: ${read.size === null ? 'file too large (more than 5 MB)' : tooLargeMessage(read.size)}`);
  }
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) throw new HostError('INVALID_UTF8', `${path}: ${decoded.message}`);
  return { path, name: basename(path), content: decoded.text, bom: decoded.bom };
}

/** Refuses text with no UTF-8 form (a lone surrogate), naming where it is. */
export function assertEncodable(text: string, what: string): void {
  const index = loneSurrogateIndex(text);
  if (index >= 0) throw new HostError('INVALID_TEXT', `${what}: ${loneSurrogateMessage(text, index)}`);
}

/**
 * Saves a spec as UTF-8 (with the BOM it was read with) through `writeFileAtomic`: atomic,
 * through symlinks, keeping the file's mode. Text that cannot be UTF-8 is refused first.
 */
export async function writeSpecFile(path: string, content: string, bom: boolean): Promise<{ path: string; bytes: number }> {
  assertEncodable(content, `could not save ${path}`);
  return writeFileAtomic(path, encodeUtf8(content, bom));
}
