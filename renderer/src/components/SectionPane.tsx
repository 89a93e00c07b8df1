import { memo, useCallback, useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { registerEditor } from '../monaco/editor-registry.js';
import { useShallow } from 'zustand/react/shallow';
import { countSectionItems } from '../lib/counts.js';
import { useWorkbench } from '../state/store.js';
import { SectionEditor } from './SectionEditor.js';

interface Props {
  paneId: string;
  onEditorReady(paneId: string): void;
}

/** Tall enough for the text as wrapped at a typical pane width, within sane bounds. */
function initialHeight(text: string): number {
  const rows = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 120)), 0);
  return Math.min(Math.max(rows * 19 + 16, 120), 480);
}

/**
 * One section's pane. It subscribes to its own pane only, so typing in another pane (which
 * changes only that pane's body) does not re-render it.
 */
export const SectionPane = memo(function SectionPane({ paneId, onEditorReady }: Props) {
  const { pane, revision, collapsed, section } = useWorkbench(
    useShallow((s) => {
      const p = s.panes.find((x) => x.id === paneId)!;
      return {
        pane: p,
        revision: s.revision,
        collapsed: !!s.collapsed[paneId],
        section: p.sectionIndex === null ? null : s.doc.sections[p.sectionIndex],
      };
    }),
  );
  const toggle = useWorkbench((s) => s.toggleCollapsed);
  const editPane = useWorkbench((s) => s.editPane);
  // Read once per mount: the editor owns the text afterwards.
  const initialText = useWorkbench.getState().bodies[paneId] ?? '';
  const onChange = useCallback((text: string) => editPane(paneId, text), [editPane, paneId]);
  const unregister = useRef<(() => void) | null>(null);
  const onReady = useCallback(
    (editor: Monaco.editor.IStandaloneCodeEditor) => {
      unregister.current?.();
      unregister.current = registerEditor(paneId, editor);
      onEditorReady(paneId);
    },
    [onEditorReady, paneId],
  );
  useEffect(() => () => unregister.current?.(), []);
  const counts = section ? countSectionItems(section) : '';

  return (
    <section className={`pane${collapsed ? ' collapsed' : ''}`} data-pane={paneId} data-testid={`pane-${paneId}`} id={`pane-${paneId}`}>
      <header className="pane-header">
        <button className="pane-toggle" aria-expanded={!collapsed} onClick={() => toggle(paneId)} title={collapsed ? 'Expand' : 'Collapse'}>
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 className="pane-title">{pane.title}</h2>
        {counts && <span className="pane-counts">{counts}</span>}
        {pane.sectionIndex === null && <span className="tag tag-muted">not in the document yet — typing adds it</span>}
        {pane.duplicate && <span className="tag tag-warn">duplicate section</span>}
        {pane.unknown && <span className="tag tag-muted">not in the template</span>}
      </header>
      {!collapsed && (
        <div className="pane-body" style={{ height: initialHeight(initialText) }}>
          <SectionEditor
            reloadKey={`${paneId}:${revision}`}
            initialText={initialText}
            ariaLabel={`${pane.title} section`}
            placeholder={pane.hint}
            onChange={onChange}
            onReady={onReady}
          />
        </div>
      )}
    </section>
  );
});
