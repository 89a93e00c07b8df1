import type * as Monaco from 'monaco-editor/editor/editor.api';
import { announce } from '../events/app-events.js';
import { editorFor, onEditorsChanged } from '../monaco/editor-registry.js';
import { rangeOf } from '../review/pane-edit.js';
import { useWorkbench } from '../state/store.js';
import { useComments } from './comments-store.js';

type Editor = Monaco.editor.IStandaloneCodeEditor;
const collections = new Map<string, { editor: Editor; collection: Monaco.editor.IEditorDecorationsCollection }>();

/**
 * Highlights and margin markers for every placed, unresolved thread in every pane. Monaco moves
 * decorations with the text while the author types; the host re-places threads on each reload.
 */
function decorate(monaco: typeof Monaco): void {
  const { threads, paneRanges } = useComments.getState();
  const byPane = new Map<string, Monaco.editor.IModelDeltaDecoration[]>();
  for (const thread of threads) {
    const range = paneRanges[thread.id];
    if (!range || thread.status === 'resolved') continue;
    const editor = editorFor(range.paneId);
    const model = editor?.getModel();
    if (!model) continue;
    const list = byPane.get(range.paneId) ?? [];
    const first = thread.comments.find((c) => !c.deletedAt);
    list.push({
      range: rangeOf(model, range.start, range.end),
      options: {
        inlineClassName: `comment-anchor comment-${thread.severity}${thread.pending ? ' comment-pending' : ''}`,
        linesDecorationsClassName: 'comment-margin',
        hoverMessage: { value: `**${thread.createdBy.name}** (${thread.severity}): ${first?.body ?? ''}` },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        overviewRuler: { color: thread.severity === 'blocking' ? '#f07178' : '#c792ea', position: monaco.editor.OverviewRulerLane.Left },
      },
    });
    byPane.set(range.paneId, list);
  }
  let count = 0;
  for (const pane of useWorkbench.getState().panes) {
    const editor = editorFor(pane.id);
    if (!editor) continue;
    let entry = collections.get(pane.id);
    if (!entry || entry.editor !== editor) {
      entry = { editor, collection: editor.createDecorationsCollection() };
      collections.set(pane.id, entry);
    }
    const decorations = byPane.get(pane.id) ?? [];
    entry.collection.set(decorations);
    count += decorations.length;
  }
  announce('specbench:comments-decorated', { count });
}

/** Wires comments: reload on a new library spec or version, decorate on every change of threads or editors. */
export function startComments(monaco: typeof Monaco): void {
  useComments.subscribe((state, previous) => {
    if (state.threads !== previous.threads || state.paneRanges !== previous.paneRanges) decorate(monaco);
  });
  useWorkbench.subscribe((state, previous) => {
    if (state.library?.specId !== previous.library?.specId || state.versionsRevision !== previous.versionsRevision) void useComments.getState().refresh();
  });
  onEditorsChanged(() => decorate(monaco));
  void useComments.getState().refresh();
}
