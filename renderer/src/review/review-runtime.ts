import type * as Monaco from 'monaco-editor/editor/editor.api';
import { LineIndex } from '../../../core/markdown/lines.js';
import { anchorFinding, type FindingAnchor } from '../../../core/review/anchor.js';
import type { SpecDocument } from '../../../core/spec/model.js';
import { client } from '../client/current.js';
import { editorFor, onEditorsChanged } from '../monaco/editor-registry.js';
import { useWorkbench, type WorkbenchState } from '../state/store.js';
import { announce } from '../events/app-events.js';
import { shownFindings, stateOf, type ShownFinding } from './collect.js';
import { escapeMarkdown } from './format.js';
import { rangeOf } from './pane-edit.js';
import { reviewEventHandlers } from './review-events.js';
import { loadReviewInfo } from './review-settings.js';

const store = () => useWorkbench.getState();

/** Host events → the store (see review-events.ts). */
function listen(): void {
  const c = client();
  const on = reviewEventHandlers(store);
  c.on('review.progress', on['review.progress']);
  c.on('review.finding', on['review.finding']);
  c.on('review.done', on['review.done']);
  c.on('review.runDone', on['review.runDone']);
}

let anchoredDoc: SpecDocument | null = null;
let anchoredIds = '';

/** Re-anchors every shown finding against the current text (after each re-parse, and as findings arrive). */
function reanchor(): boolean {
  const s = store();
  const shown = shownFindings(s);
  const ids = shown.map((f) => f.finding.id).join('|');
  if (s.doc === anchoredDoc && ids === anchoredIds) return false;
  anchoredDoc = s.doc;
  anchoredIds = ids;
  const lines = new LineIndex(s.doc.source);
  const anchors: Record<string, FindingAnchor> = {};
  for (const f of shown) anchors[f.finding.id] = anchorFinding(s.doc, f.finding, {}, lines);
  // The store notifies again with the new anchors, which redraws the decorations.
  s.reviewPatch({ reviewAnchors: anchors });
  return true;
}

function hoverOf(f: ShownFinding): Monaco.IMarkdownString[] {
  const text = [`${f.finding.severity.toUpperCase()}: ${f.finding.problem}`, `Suggestion: ${f.finding.suggestion}`];
  return [
    { value: `**AI review**${f.finding.offline ? ' (offline)' : ''}`, isTrusted: false, supportHtml: false },
    ...text.map((t) => ({ value: escapeMarkdown(t), isTrusted: false, supportHtml: false })),
  ];
}

const collections = new Map<string, { editor: Monaco.editor.IStandaloneCodeEditor; collection: Monaco.editor.IEditorDecorationsCollection }>();

/** Each open, located finding as a decoration over its quote in its section's pane, with a hover. */
function decorate(monaco: typeof Monaco): void {
  const s = store();
  const shown = shownFindings(s);
  for (const pane of s.panes) {
    const editor = editorFor(pane.id);
    const model = editor?.getModel();
    if (!editor || !model) continue;
    const decorations: Monaco.editor.IModelDeltaDecoration[] = [];
    if (pane.sectionIndex !== null) {
      for (const f of shown) {
        const anchor = s.reviewAnchors[f.finding.id];
        if (!anchor || anchor.status !== 'anchored' || anchor.sectionIndex !== pane.sectionIndex) continue;
        if (stateOf(s.reviewStates, f) !== 'open') continue;
        const selected = s.reviewSelected === f.finding.id ? ' review-anchor-selected' : '';
        decorations.push({
          range: rangeOf(model, anchor.bodyStart, anchor.bodyEnd),
          options: {
            inlineClassName: `review-anchor review-anchor-${f.finding.severity} review-f-${f.finding.id}${selected}`,
            hoverMessage: hoverOf(f),
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            overviewRuler: { color: f.finding.severity === 'high' ? '#f07178' : f.finding.severity === 'medium' ? '#e5b454' : '#6ea8fe', position: monaco.editor.OverviewRulerLane.Right },
          },
        });
      }
    }
    let entry = collections.get(pane.id);
    if (!entry || entry.editor !== editor) {
      entry = { editor, collection: editor.createDecorationsCollection() };
      collections.set(pane.id, entry);
    }
    entry.collection.set(decorations);
  }
  announce('specbench:review-decorated', { count: [...collections.values()].reduce((n, e) => n + e.collection.length, 0) });
}

function isNewDocument(state: WorkbenchState, previous: WorkbenchState): boolean {
  return state.doc !== previous.doc && state.file !== previous.file && (state.file.path !== previous.file.path || state.file.name !== previous.file.name);
}

/** Wires the review feature: host events, anchoring on every edit, decorations on every pane. */
export function startReview(monaco: typeof Monaco): void {
  listen();
  useWorkbench.subscribe((state, previous) => {
    // Another spec opened: the findings were about the one before.
    if (isNewDocument(state, previous)) store().reviewClear();
    if ((state.doc !== previous.doc || state.reviewRuns !== previous.reviewRuns || state.reviewLatest !== previous.reviewLatest) && reanchor()) return;
    if (state.reviewAnchors !== previous.reviewAnchors || state.reviewStates !== previous.reviewStates || state.panes !== previous.panes || state.reviewSelected !== previous.reviewSelected) {
      decorate(monaco);
    }
  });
  onEditorsChanged(() => decorate(monaco));
  void loadReviewInfo();
}
