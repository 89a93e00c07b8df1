import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { HostError } from '../common/host-error.js';
import { errnoCode, fsReason } from '../common/fs-error.js';

const CHUNK = 64 * 1024;
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It has no
// effect on regular files. O_NOCTTY: a terminal device must never become our controlling tty.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type ReadLimitedResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large'; size: number | null };

/**
 * Reads a regular file of at most `limit` bytes. The kind is checked on the open descriptor
 * (not a separate `stat` of the path, which a swap could defeat) and the limit is enforced while
 * reading: `/proc` files report size 0 and a file may grow, so at most `limit + 1` bytes are ever
 * read. Anything but a regular file (FIFO, socket, device, folder) is a HostError.
 * `shownAs` names the file in messages.
 */
export async function readRegularFile(path: string, limit: number, shownAs = path): Promise<ReadLimitedResult> {
  const handle = await open(path, OPEN_FLAGS).catch((error: unknown) => {
    const code = errnoCode(error);
    if (code === 'ENOENT') throw new HostError('NOT_FOUND', `${shownAs}: no such file`);
    if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP') throw new HostError('NOT_A_FILE', `${shownAs}: not a regular file`);
    throw new HostError('READ_FAILED', `cannot read ${shownAs}: ${fsReason(error)}`);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new HostError('NOT_A_FILE', `${shownAs}: is a directory, not a file`);
    if (!info.isFile()) throw new HostError('NOT_A_FILE', `${shownAs}: not a regular file (${kindOf(info)})`);
    if (info.size > limit) return { ok: false, reason: 'too-large', size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, limit + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { ok: false, reason: 'too-large', size: null };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    if (error instanceof HostError) throw error;
    throw new HostError('READ_FAILED', `cannot read ${shownAs}: ${fsReason(error)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file';
}
