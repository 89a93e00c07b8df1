import type { ResultOf } from '../../../core/contract/operations.js';
import { mergeSections } from '../../../core/merge/index.js';
import { client } from '../client/current.js';
import { announce } from '../events/app-events.js';
import { useWorkbench } from '../state/store.js';
import { useMerge } from './merge-store.js';

type SaveResult = ResultOf<'versions.save'>;
const store = () => useWorkbench.getState();

/** "Context, Acceptance Criteria" — the sections a clean merge took from the other author. */
function sectionList(saved: Extract<NonNullable<SaveResult['merge']>, { status: 'merged' }>): string {
  return saved.sections.length ? saved.sections.map((s) => s.heading).join(', ') : 'none changed';
}

/**
 * What a save's merge outcome means for the editor. A clean merge: the merged text is what was
 * saved, so it is loaded (and written back to the file the save just wrote); a conflict: nothing
 * was saved as a version and the merge view opens. Returns true when the save's version stands.
 */
export async function applyMergeOutcome(saved: SaveResult, specId: number, path: string | null): Promise<boolean> {
  const merge = saved.merge;
  if (!merge) return true;
  if (merge.status === 'conflict') {
    useMerge.getState().start({ specId, base: merge.base, head: merge.head, conflicts: merge.conflicts });
    store().notify('warning', `${merge.head.author} saved version ${merge.head.number} meanwhile and changed the same ${merge.conflicts.length === 1 ? 'section' : 'sections'}: resolve the merge (your text is kept as the draft).`);
    announce('specbench:merge-conflict', merge.conflicts.length);
    return false;
  }
  const s = store();
  if (path) await client().call('files.write', { path, content: merge.markdown, bom: s.file.bom });
  s.load({ path: s.file.path, name: s.file.name, content: merge.markdown, bom: s.file.bom }, { library: { specId, headVersionId: saved.version.id } });
  store().notify('info', `Merged with ${merge.head.author}'s version ${merge.head.number}: sections ${sectionList(merge)}.`);
  announce('specbench:merged', merge.head.number);
  return true;
}

/**
 * "Save merged": the editor's text merged again with the head using the view's choices, loaded
 * into the editor and saved as based on the head. Conflicts the choices do not cover (the text
 * changed since) stay in the view. Resolves false when something is still unresolved.
 */
export async function saveMerged(save: () => Promise<boolean>): Promise<boolean> {
  const { pending, resolutions } = useMerge.getState();
  if (!pending) return false;
  useMerge.setState({ saving: true });
  try {
    const s = store();
    s.sync();
    const [base, theirs] = await Promise.all([
      client().call('versions.get', { specId: pending.specId, number: pending.base.number }),
      client().call('versions.get', { specId: pending.specId, number: pending.head.number }),
    ]);
    const merged = mergeSections(base.markdown, theirs.markdown, s.currentText(), { resolved: resolutions });
    if (merged.status === 'conflict') {
      useMerge.setState({ pending: { ...pending, conflicts: merged.conflicts } });
      store().notify('warning', `Still to resolve: ${merged.conflicts.map((c) => c.heading).join(', ')}.`);
      return false;
    }
    s.load({ path: s.file.path, name: s.file.name, content: merged.markdown, bom: s.file.bom }, { library: { specId: pending.specId, headVersionId: pending.head.id }, savedText: s.savedText });
    useMerge.getState().clear();
    // The save may meet yet another newer version: it then merges or opens the view again.
    return await save();
  } finally {
    useMerge.setState({ saving: false });
  }
}
