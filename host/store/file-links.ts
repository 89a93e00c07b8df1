import type { FileLink } from '../db/queries/file-links.js';
import { createSpec, openSpec } from './library.js';
import { nowIso, writeTransaction, type StoreSession } from './session.js';
import type { CreateSpecInput, CreatedSpec } from './types.js';
import type { VersionAnalysis } from './analyze.js';

export type { FileLink };

/** A file as the store identifies it: canonical real path and the content hash of its text. */
export interface FileSnapshot {
  path: string;
  hash: string;
}

/**
 * The link of a path, if its spec is still in the library. A spec in the trash is not followed:
 * the file opens unlinked, and the next save or draft gives it a fresh spec.
 */
export function liveLink(s: StoreSession, path: string): FileLink | undefined {
  const link = s.q.fileLinks.byPath(path);
  if (!link) return undefined;
  return s.q.specs.get(link.specId)?.state === 'trashed' ? undefined : link;
}

/** The newest links holding these bytes, for the moved-file fallback (the caller checks which files are gone). */
export function linksWithHash(s: StoreSession, hash: string): FileLink[] {
  return s.q.fileLinks.byHash(hash).filter((link) => s.q.specs.get(link.specId)?.state !== 'trashed');
}

/**
 * A file moved or renamed on disk: its old link (found by content hash, its old path gone) is
 * re-pointed to the new path, so the history continues. One transaction; if the new path was
 * linked meanwhile (another window), that link wins.
 */
export function moveLink(s: StoreSession, from: FileLink, to: FileSnapshot): FileLink {
  return writeTransaction(s, () => {
    const current = liveLink(s, to.path);
    if (current) return current;
    const moved: FileLink = { path: to.path, specId: from.specId, contentHash: to.hash, linkedAt: nowIso() };
    s.q.fileLinks.remove(from.path);
    s.q.fileLinks.set(moved);
    return moved;
  });
}

/** Links (or re-links) a file to a spec with the hash of its text as it is on disk now. */
export function linkFile(s: StoreSession, specId: number, file: FileSnapshot): FileLink {
  const link: FileLink = { path: file.path, specId, contentHash: file.hash, linkedAt: nowIso() };
  writeTransaction(s, () => s.q.fileLinks.set(link));
  return link;
}

/**
 * The library spec of a file, created (with version 1 from `input`) only when the file has
 * none: two windows or two ports editing the same file end up with one spec and one history.
 * The check and the create are one IMMEDIATE transaction, so two processes cannot both create.
 */
export function createSpecForFile(s: StoreSession, input: CreateSpecInput, file: FileSnapshot, options: { analysis?: VersionAnalysis } = {}): CreatedSpec & { created: boolean } {
  const existing = (): (CreatedSpec & { created: boolean }) | null => {
    const link = liveLink(s, file.path);
    if (!link) return null;
    const { spec, head } = openSpec(s, link.specId);
    const { markdown: _text, ...version } = head;
    return { spec, version, created: false };
  };
  return (
    existing() ??
    writeTransaction(s, () => {
      const linked = existing();
      if (linked) return linked;
      const created = createSpec(s, input, options);
      s.q.fileLinks.set({ path: file.path, specId: created.spec.id, contentHash: file.hash, linkedAt: nowIso() });
      return { ...created, created: true };
    })
  );
}
