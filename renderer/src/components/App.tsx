import { useCallback, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { save } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import { Dock } from './Dock.js';
import { DocumentEditor } from './DocumentEditor.js';
import { Notices } from './Notices.js';
import { Outline } from './Outline.js';
import { SectionPane } from './SectionPane.js';
import { TitleBar } from './TitleBar.js';
import { announce } from '../events/app-events.js';
import { Overlays } from '../palette/Overlays.js';
import { MergeView } from '../merge/MergeView.js';
import { useMerge } from '../merge/merge-store.js';

/**
 * Announces when every pane's editor has mounted (`specbench:panes-ready`, and
 * `data-panes-ready` on <body>): tests and the start-up benchmark wait on it, never on sleeps.
 */
function usePanesReady(expected: string[], revision: number, view: string) {
  const ready = useRef(new Set<string>());
  useEffect(() => {
    ready.current = new Set();
    document.body.dataset.panesReady = 'false';
  }, [expected.join('|'), revision, view]);
  return useCallback(
    (paneId: string) => {
      ready.current.add(paneId);
      if (expected.every((id) => ready.current.has(id))) {
        document.body.dataset.panesReady = 'true';
        announce('specbench:panes-ready');
      }
    },
    [expected.join('|')],
  );
}

export function App() {
  const { panes, view, revision, collapsed } = useWorkbench(
    useShallow((s) => ({ panes: s.panes, view: s.view, revision: s.revision, collapsed: s.collapsed })),
  );
  const paneIds = panes.map((p) => p.id);
  const visible = view === 'document' ? ['document'] : paneIds.filter((id) => !collapsed[id]);
  const onEditorReady = usePanesReady(visible, revision, view);
  const onDocumentReady = useCallback(() => onEditorReady('document'), [onEditorReady]);
  const merging = useMerge((s) => s.open && s.pending !== null);
  // A pending merge belongs to its spec: opening another spec drops it (its text is that spec's draft).
  useEffect(
    () =>
      useWorkbench.subscribe((s) => {
        const pending = useMerge.getState().pending;
        if (pending && s.library && s.library.specId !== pending.specId) useMerge.getState().clear();
      }),
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save({ saveAs: e.shiftKey });
      }
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (useWorkbench.getState().dirty) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  return (
    <div className="app">
      <TitleBar />
      <Notices />
      <div className="workspace">
        <Outline />
        <main className="panes">
          {merging ? (
            <MergeView />
          ) : view === 'document' ? (
            <DocumentEditor onReady={onDocumentReady} />
          ) : (
            paneIds.map((id) => <SectionPane key={id} paneId={id} onEditorReady={onEditorReady} />)
          )}
        </main>
        <Dock />
      </div>
      <Overlays />
    </div>
  );
}
