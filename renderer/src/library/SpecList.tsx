import type { SpecListItem, SpecState } from '../../../core/contract/ops/specs.js';
import { emptyLibraryText } from '../../../core/present/library-text.js';
import { useWorkbench } from '../state/store.js';
import { useNow } from './panel-hooks.js';
import { SpecRow, type SpecAction } from './SpecRow.js';

interface Props {
  state: SpecState;
  /** Null while the first listing loads. */
  specs: SpecListItem[] | null;
  /** A title or status filter is set (changes what "empty" says). */
  filtered: boolean;
  failed: boolean;
  onAction(action: SpecAction, spec: SpecListItem, title?: string): void;
  onEmptyTrash(): void;
}

/** The listed specs, the open one marked; what an empty listing means; Empty trash in the Trash. */
export function SpecList({ state, specs, filtered, failed, onAction, onEmptyTrash }: Props) {
  const openSpecId = useWorkbench((s) => s.library?.specId ?? null);
  const now = useNow();
  return (
    <>
      {state === 'trashed' && specs !== null && specs.length > 0 && (
        <button className="danger" onClick={onEmptyTrash} data-testid="library-empty-trash">
          Empty trash…
        </button>
      )}
      {specs === null && !failed && <p className="muted">Loading…</p>}
      {specs !== null && specs.length === 0 && (
        <p className="muted" data-testid="library-empty">
          {emptyLibraryText(state, filtered)}
        </p>
      )}
      <ul className="library-list">
        {specs?.map((spec) => (
          <SpecRow key={spec.id} spec={spec} isOpen={spec.id === openSpecId} now={now} onAction={onAction} />
        ))}
      </ul>
    </>
  );
}
