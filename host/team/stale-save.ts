import { mergeSections, type MergeResult } from '../../core/merge/index.js';
import { notFound } from '../store/session.js';
import type { SaveDraftInput, SaveVersionInput, SaveVersionResult, VersionDetail, VersionInfo } from '../store/types.js';
import type { SpecRepository } from '../store/contract/store-contract.js';

type MaybePromise<T> = T | Promise<T>;

/** Runs the merge: in process by default; the hosts pass their compute pool (time budget, output cap). */
export type Merger = (texts: { base: string; theirs: string; mine: string }) => MaybePromise<MergeResult>;
const inProcess: Merger = ({ base, theirs, mine }) => mergeSections(base, theirs, mine);

/** What a stale save reads and writes: the async store contract, or the synchronous SQLite store. */
export interface StaleSaveStore {
  listVersions(specId: number): MaybePromise<VersionInfo[]>;
  getVersion(specId: number, number: number): MaybePromise<VersionDetail>;
  saveDraft(input: SaveDraftInput): MaybePromise<unknown>;
}

/**
 * A save that says which version it was based on (issue 15 FR-6). When that is still the newest
 * version, or no base is given, it is a plain save. Otherwise someone saved in between and the
 * save is merged section by section (`core/merge`) with the newest version:
 * - clean: the merged text is saved as a new version; `merge.status = 'merged'` names the head it
 *   was merged with and the sections taken from it, and carries the text for the editor;
 * - conflict: NO version is created and the head is untouched; the caller's text becomes the
 *   spec's draft, so it survives a closed window, and `merge.status = 'conflict'` carries base,
 *   theirs and mine of every conflicting section for the merge view.
 * `save` does the actual write (the local hosts link the file they wrote, the team server does not);
 * `merge` runs the merge (the hosts' compute pool, so a huge text meets the pool's time budget).
 *
 * Not atomic with a save racing between reading the head and writing: that save is still a
 * version in the history, and this result then reports `newerVersionExists`.
 */
export async function saveMerging(
  store: StaleSaveStore,
  input: SaveVersionInput,
  save: (input: SaveVersionInput) => Promise<SaveVersionResult>,
  merge: Merger = inProcess,
): Promise<SaveVersionResult> {
  if (input.baseVersionId === undefined) return save(input);
  const versions = await store.listVersions(input.specId);
  const head = versions[0];
  if (!head || head.id === input.baseVersionId) return save(input);
  const base = versions.find((v) => v.id === input.baseVersionId);
  if (!base) throw notFound(`version id ${input.baseVersionId} of spec ${input.specId}`);

  const [baseText, headText] = await Promise.all([store.getVersion(input.specId, base.number), store.getVersion(input.specId, head.number)]);
  const merged = await merge({ base: baseText.markdown, theirs: headText.markdown, mine: input.markdown });
  const headRef = { id: head.id, number: head.number, author: head.author };

  if (merged.status === 'conflict') {
    await store.saveDraft({ specId: input.specId, markdown: input.markdown, bom: input.bom ?? false, baseVersionId: base.id });
    return {
      version: head,
      created: false,
      newerVersionExists: true,
      draftCleared: false,
      merge: { status: 'conflict', head: headRef, base: { id: base.id, number: base.number }, conflicts: merged.conflicts, draftSaved: true },
    };
  }

  const message = [input.message, `merged with version ${head.number}`].filter(Boolean).join('; ');
  const saved = await save({ ...input, markdown: merged.markdown, message, baseVersionId: head.id });
  return {
    ...saved,
    newerVersionExists: true,
    merge: { status: 'merged', head: headRef, sections: merged.fromTheirs, markdown: merged.markdown },
  };
}

/** A save on the team server: `saveMerging` over the store contract (SQLite or PostgreSQL); pass the server's compute pool as `merge`. */
export async function saveOnTeam(specs: SpecRepository, input: SaveVersionInput, merge?: Merger): Promise<SaveVersionResult> {
  return saveMerging(specs, input, (merged) => specs.saveVersion(merged), merge);
}
