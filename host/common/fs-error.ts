import { HostError } from './host-error.js';

/** Node's errno codes as words a user can act on; the path is added by the caller. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links (a link loop?)',
  EBUSY: 'the file is in use',
  ENXIO: 'not a regular file (a socket or device)',
  ENODEV: 'not a regular file (a device)',
  EIO: 'a disk error occurred',
  EXDEV: 'cannot move a file across disks',
};

/** The errno code of a Node file-system error, or null for anything else. */
export function errnoCode(error: unknown): string | null {
  const code = error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : null;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** "permission denied" for EACCES; Node's own text (without the code prefix) for the rest. */
export function fsReason(error: unknown): string {
  const code = errnoCode(error);
  if (code && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  // "EFOO: something happened, syscall '/path'" → "something happened"
  return message.replace(/^E[A-Z]+:\s*/, '').replace(/,\s*\w+ '.*'$/, '');
}

/**
 * A file-system failure as one sentence naming the path, e.g. `cannot create the data folder
 * /x/y: permission denied` — never `EACCES: permission denied, mkdir '/x/y'`.
 */
export function fsError(error: unknown, what: string, code = 'FILE_ERROR'): HostError {
  if (error instanceof HostError) return error;
  return new HostError(code, `${what}: ${fsReason(error)}`);
}
