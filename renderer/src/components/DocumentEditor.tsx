import { useWorkbench } from '../state/store.js';
import { SectionEditor } from './SectionEditor.js';

/** The single whole-document view: same model, one editor. */
export function DocumentEditor({ onReady }: { onReady(): void }) {
  const revision = useWorkbench((s) => s.revision);
  const editDocument = useWorkbench((s) => s.editDocument);
  const text = useWorkbench.getState().documentText ?? '';
  return (
    <section className="pane document-pane" data-testid="document-pane">
      <div className="pane-body document-body">
        <SectionEditor reloadKey={`document:${revision}`} initialText={text} ariaLabel="Whole document" onChange={editDocument} onReady={onReady} />
      </div>
    </section>
  );
}
