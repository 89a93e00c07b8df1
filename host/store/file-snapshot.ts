import { canonicalPath } from '../files/file-identity.js';
import { readSpecFile } from '../files/spec-file.js';
import { contentHash } from './content-hash.js';
import type { FileSnapshot } from './file-links.js';

/**
 * Reads a spec file as the store identifies it: canonical path, and the same content hash a
 * version of its text gets (the byte-order mark is not part of the text), so a link can be
 * matched against the file after it moved. Read errors are the usual HostErrors.
 */
export async function snapshotFile(path: string): Promise<FileSnapshot> {
  const canonical = await canonicalPath(path);
  const file = await readSpecFile(canonical);
  return { path: canonical, hash: contentHash(file.content).hash };
}
