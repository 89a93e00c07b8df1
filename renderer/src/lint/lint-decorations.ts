import type * as Monaco from 'monaco-editor/editor/editor.api';
import { getRule, quickFixes, type CrossFinding, type Finding, type ItemReport, type LintReport, type Severity } from '../../../core/lint/index.js';
import type { Pane } from '../../../core/spec/panes.js';
import { editorFor, onEditorsChanged } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';

const OWNER = 'specbench-lint';

/** A finding placed in one pane's text, remembered so code actions can find its fixes. */
interface Placed {
  finding: Finding;
  item: ItemReport;
  /** Offset of the item text in the pane's text. */
  base: number;
}

const placedByModel = new Map<string, Placed[]>();
const badgeIds = new Map<string, string[]>();

function severityOf(monaco: typeof Monaco, severity: Severity): Monaco.MarkerSeverity {
  return severity === 'error' ? monaco.MarkerSeverity.Error : severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
}

/** Hover text: the message, then the rule id and its one-paragraph explanation. */
export function hoverText(rule: string, message: string, suggestion?: string): string {
  const meta = getRule(rule);
  return [message, suggestion ? `Suggestion: ${suggestion}` : '', `${rule}${meta ? ` — ${meta.title}: ${meta.explanation}` : ''}`].filter(Boolean).join('\n\n');
}

function paneOfSection(panes: Pane[], section: number): Pane | undefined {
  return panes.find((p) => p.sectionIndex === section);
}

function crossAnchor(report: LintReport, finding: CrossFinding): { item: ItemReport; start: number; end: number } | null {
  for (const place of finding.places) {
    if (place.kind !== 'item') continue;
    const item = report.items.find((i) => i.id === place.id && i.line <= place.line);
    if (item) return { item, start: place.start ?? 0, end: place.end ?? Math.min(item.text.length, (place.start ?? 0) + 1) };
  }
  return null;
}

/** Puts the newest lint on every pane: squiggles with hover text, and ✓/✗ beside each AC. */
function apply(monaco: typeof Monaco): void {
  const { lint, panes } = useWorkbench.getState();
  for (const pane of panes) {
    const editor = editorFor(pane.id);
    const model = editor?.getModel();
    if (!editor || !model) continue;
    const items = lint && pane.sectionIndex !== null ? lint.items.filter((i) => i.section === pane.sectionIndex) : [];
    const markers: Monaco.editor.IMarkerData[] = [];
    const placed: Placed[] = [];
    const textLength = model.getValueLength();
    const range = (from: number, to: number) => {
      const a = model.getPositionAt(Math.min(from, textLength));
      const b = model.getPositionAt(Math.min(Math.max(to, from + 1), textLength));
      return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
    };
    for (const item of items) {
      for (const finding of item.findings) {
        markers.push({ ...range(item.start + finding.start, item.start + finding.end), severity: severityOf(monaco, finding.severity), message: hoverText(finding.rule, finding.message, finding.suggestion), code: finding.rule, source: 'specbench' });
        placed.push({ finding, item, base: item.start });
      }
    }
    for (const cross of lint?.crossFindings ?? []) {
      const anchor = lint ? crossAnchor(lint, cross) : null;
      if (!anchor || paneOfSection(panes, anchor.item.section)?.id !== pane.id) continue;
      markers.push({ ...range(anchor.item.start + anchor.start, anchor.item.start + anchor.end), severity: severityOf(monaco, cross.severity), message: hoverText(cross.rule, cross.message, cross.suggestion), code: cross.rule, source: 'specbench' });
    }
    monaco.editor.setModelMarkers(model, OWNER, markers);
    placedByModel.set(model.uri.toString(), placed);
    const badges = items
      .filter((i) => i.kind === 'ac' && i.binary !== undefined)
      .map((i) => ({
        range: { ...range(i.start, i.start), endLineNumber: range(i.start, i.start).startLineNumber, endColumn: 1 },
        options: {
          glyphMarginClassName: i.binary ? 'ac-badge ac-binary' : 'ac-badge ac-not-binary',
          glyphMarginHoverMessage: { value: `${i.id}: ${i.binary ? 'binary ✓' : 'not binary ✗'} (score ${i.score}${i.style ? `, ${i.style}` : ''})` },
        },
      }));
    badgeIds.set(model.uri.toString(), editor.deltaDecorations(badgeIds.get(model.uri.toString()) ?? [], badges));
  }
}

/** Quick fixes for our markers: the rule's mechanical rewrites, as one undoable edit each. */
function registerQuickFixes(monaco: typeof Monaco): void {
  monaco.languages.registerCodeActionProvider('markdown', {
    provideCodeActions(model, _range, context) {
      const placed = placedByModel.get(model.uri.toString()) ?? [];
      const actions: Monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        if (marker.source !== 'specbench') continue;
        for (const p of placed) {
          const start = model.getPositionAt(p.base + p.finding.start);
          if (p.finding.rule !== marker.code || start.lineNumber !== marker.startLineNumber || start.column !== marker.startColumn) continue;
          for (const fix of quickFixes(p.finding, p.item.text)) {
            actions.push({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: true,
              edit: {
                edits: fix.edits.map((e) => {
                  const a = model.getPositionAt(p.base + e.start);
                  const b = model.getPositionAt(p.base + e.end);
                  return { resource: model.uri, versionId: model.getVersionId(), textEdit: { range: { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column }, text: e.newText } };
                }),
              },
            });
          }
        }
      }
      return { actions, dispose() {} };
    },
  });
}

/** Wires lint results to the editors: re-applied on every new report and every editor mount. */
export function startLintDecorations(monaco: typeof Monaco): void {
  registerQuickFixes(monaco);
  useWorkbench.subscribe((state, previous) => {
    if (state.lint !== previous.lint) apply(monaco);
  });
  onEditorsChanged(() => apply(monaco));
}
