import { useShallow } from 'zustand/react/shallow';
import { save } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import { ConflictSection } from './ConflictSection.js';
import { saveMerged } from './merge-actions.js';
import { useMerge } from './merge-store.js';
import './merge.css';

/**
 * The three-way merge view (issue 15 FR-6), shown in the editor pane in place of the section
 * editors while open. Your text stays the editor's (and the host's draft): Close hides the view
 * and loses nothing; "Resolve merge" in the palette brings it back.
 */
export function MergeView() {
  const { pending, resolutions, saving, show } = useMerge(useShallow((s) => ({ pending: s.pending, resolutions: s.resolutions, saving: s.saving, show: s.show })));
  if (!pending) return null;
  const unresolved = pending.conflicts.filter((c) => !Object.hasOwn(resolutions, c.key)).length;
  const onSave = async () => {
    try {
      await saveMerged(save);
    } catch (error) {
      useWorkbench.getState().notify('error', `Not merged: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="merge-view" data-testid="merge-view" role="region" aria-label="Resolve merge">
      <header className="merge-head">
        <h2>
          Merge with {pending.head.author}'s version {pending.head.number}
        </h2>
        <p className="muted">
          You both changed {pending.conflicts.length === 1 ? 'this section' : `these ${pending.conflicts.length} sections`} since version {pending.base.number}. Every other section
          is merged already. Nothing is saved until you save the merge; your text stays in the editor and the draft.
        </p>
      </header>
      {pending.conflicts.map((c) => (
        <ConflictSection key={c.key} conflict={c} author={pending.head.author} />
      ))}
      <footer className="merge-footer">
        <button onClick={() => show(false)} data-testid="merge-close">
          Close (keep my text)
        </button>
        <button className="primary" disabled={unresolved > 0 || saving} onClick={() => void onSave()} data-testid="merge-save">
          {unresolved > 0 ? `Save merged (${unresolved} to resolve)` : 'Save merged'}
        </button>
      </footer>
    </div>
  );
}
