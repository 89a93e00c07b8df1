import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { ArgsOf } from '../../../core/contract/operations.js';
import type { ReviewSettingsView } from '../../../core/contract/ops/review.js';
import { findSection } from '../../../core/review/anchor.js';
import { computeFindingEdit } from '../../../core/review/apply-edit.js';
import type { FindingState } from '../../../core/review/finding.js';
import { toEol } from '../../../core/spec/edit.js';
import { client } from '../client/current.js';
import { ensureLibrarySpec } from '../library/library-link.js';
import { revealInPane } from '../monaco/editor-registry.js';
import type { ClarifyState } from '../state/review-slice.js';
import { useWorkbench } from '../state/store.js';
import type { ShownFinding } from './collect.js';
import { failureMessage, sha256Hex } from './format.js';
import { ensureEditor, replaceDocumentText, replaceInEditor, replaceRangeInEditor } from './pane-edit.js';

const store = () => useWorkbench.getState();

/** Passes and prompt-file errors, and the settings (never the key). */
export async function loadReviewInfo(): Promise<void> {
  try {
    const [library, settings] = await Promise.all([client().call('review.passes', {}), client().call('review.settings.get', {})]);
    store().reviewPatch({ reviewPasses: library.passes, reviewPassErrors: library.errors, reviewPromptsDir: library.userPromptsDir, reviewSettings: settings });
  } catch (error) {
    store().reviewPatch({ reviewError: `Could not load the review passes: ${failureMessage(error)}` });
  }
}

/** Runs one pass or every review pass on the text as it is now. */
export async function startRun(target: { passId: string } | { all: true }): Promise<void> {
  store().sync();
  const text = store().currentText();
  store().reviewPatch({ reviewStarting: true, reviewError: null, reviewTab: 'findings' });
  try {
    const contentHash = await sha256Hex(text);
    let specId: number | null = null;
    try {
      specId = (await ensureLibrarySpec()).specId;
    } catch {
      // No library (a store error): the run works, finding states are kept for this session only.
    }
    const result = await client().call('review.run', { ...target, specMarkdown: text, versionHash: contentHash, ...(specId ? { specId } : {}) });
    const titles = Object.fromEntries((store().reviewPasses ?? []).map((p) => [p.id, p.title]));
    titles.offline ??= 'Offline reviewer';
    store().reviewAdopt(result.runId, { mode: result.mode, passIds: result.passIds, notice: result.notice, specId, contentHash, titles });
    window.dispatchEvent(new CustomEvent('specbench:review-started', { detail: { runId: result.runId, passIds: result.passIds } }));
    watchRun(result.runId);
    if (specId) {
      // States recorded for this very text (an earlier run, or before a restart) come back.
      const { states } = await client().call('review.findingState.list', { specId, contentHash });
      store().reviewSetStates(contentHash, states);
    }
  } catch (error) {
    store().reviewPatch({ reviewError: failureMessage(error) });
  } finally {
    store().reviewPatch({ reviewStarting: false });
  }
}

const STATUS_POLL_MS = 4000;

/**
 * Events are the fast path; this is the safety net. While a run is going its status is read
 * now and then, so a run whose events were lost (the event stream reconnecting) still ends
 * with its findings, usage and cost.
 */
function watchRun(runId: string): void {
  const check = async () => {
    const run = store().reviewRuns[runId];
    if (!run || run.status === 'done') return;
    try {
      const snapshot = await client().call('review.status', { runId });
      if (snapshot.status === 'done') {
        if (store().reviewRuns[runId]?.status !== 'done') store().reviewRunDone(snapshot);
        return;
      }
    } catch {
      // The host forgot the run or is gone: nothing more to learn.
      return;
    }
    setTimeout(() => void check(), STATUS_POLL_MS);
  };
  setTimeout(() => void check(), STATUS_POLL_MS);
}

/** Cancels every run of this window that is still going; findings already received stay. */
export async function cancelRuns(): Promise<void> {
  const runs = Object.values(store().reviewRuns).filter((r) => r.adopted && r.status === 'running');
  for (const run of runs) {
    useWorkbench.setState((s) => ({ reviewRuns: { ...s.reviewRuns, [run.runId]: { ...s.reviewRuns[run.runId], cancelRequested: true } } }));
    try {
      await client().call('review.cancel', { runId: run.runId });
    } catch (error) {
      store().notify('warning', `Cancel failed: ${failureMessage(error)}`);
    }
  }
}

/** Records what the author did with a finding, for this spec version (kept across restarts). */
export async function recordState(f: ShownFinding, state: FindingState): Promise<void> {
  if (f.contentHash) store().reviewSetStates(f.contentHash, [{ findingId: f.finding.id, state }]);
  if (!f.specId || !f.contentHash) return;
  try {
    await client().call('review.findingState.set', { specId: f.specId, contentHash: f.contentHash, findingId: f.finding.id, state });
  } catch (error) {
    store().notify('warning', `The finding's state was not saved: ${failureMessage(error)}`);
  }
}

/** Scrolls to a finding's quote in its pane and selects it. */
export function revealFinding(f: ShownFinding): void {
  store().reviewPatch({ reviewSelected: f.finding.id });
  const s = store();
  const anchor = s.reviewAnchors[f.finding.id];
  if (!anchor || anchor.status !== 'anchored') {
    const section = findSection(s.doc, f.finding.section);
    const pane = section ? s.panes.find((p) => p.sectionIndex === section.index) : s.panes.find((p) => p.key === f.finding.section);
    if (pane) revealInPane(pane.id, 0, 0);
    return;
  }
  const pane = s.panes.find((p) => p.sectionIndex === anchor.sectionIndex);
  if (pane) revealInPane(pane.id, anchor.bodyStart, anchor.bodyEnd - anchor.bodyStart);
}

/**
 * Apply: exactly the quoted range of the named section becomes `proposedText` (or the text is
 * added to the section), as one undoable edit in that section's pane (NFR-3).
 */
export async function applyFinding(f: ShownFinding): Promise<boolean> {
  store().sync();
  const s = store();
  if (s.view === 'document') {
    s.notify('warning', 'Switch to the Sections view to apply a fix.');
    return false;
  }
  const edit = computeFindingEdit(s.doc, f.finding);
  if (!edit.ok) {
    s.notify('warning', edit.message);
    return false;
  }
  try {
    if (edit.mode === 'add-section') {
      const pane = s.panes.find((p) => p.key === f.finding.section && p.sectionIndex === null);
      if (!pane) throw new Error(`there is no pane for the section "${f.finding.section}"`);
      const editor = await ensureEditor(pane.id);
      const model = editor.getModel()!;
      replaceInEditor(editor, 0, model.getValueLength(), toEol(f.finding.proposedText ?? '', s.doc.eol));
      revealInPane(pane.id, 0, 0);
    } else {
      const index = edit.sectionIndex!;
      const section = s.doc.sections[index];
      const pane = s.panes.find((p) => p.sectionIndex === index);
      if (!pane) throw new Error(`there is no pane for the section "${f.finding.section}"`);
      const start = edit.start - section.bodyStart;
      const end = edit.end - section.bodyStart;
      const editor = await ensureEditor(pane.id);
      const model = editor.getModel()!;
      if (model.getValue().slice(start, end) !== edit.oldText) throw new Error('the text changed while the fix was being applied; try again');
      replaceInEditor(editor, start, end, edit.text);
      revealInPane(pane.id, start, edit.text.length);
    }
  } catch (error) {
    s.notify('error', `Apply failed: ${failureMessage(error)}`);
    return false;
  }
  await recordState(f, 'applied');
  window.dispatchEvent(new CustomEvent('specbench:review-applied', { detail: { findingId: f.finding.id } }));
  return true;
}

export async function saveReviewSettings(patch: ArgsOf<'review.settings.set'>): Promise<ReviewSettingsView> {
  const view = await client().call('review.settings.set', patch);
  store().reviewPatch({ reviewSettings: view });
  return view;
}

// ---- Draft passes: proposals shown as a diff against the section ----

/** The pane a proposal is for and its current text ('' for a template section not written yet). */
export function draftTarget(sectionKey: string): { paneId: string; body: string; eol: '\n' | '\r\n' } | null {
  store().sync();
  const s = store();
  const found = findSection(s.doc, sectionKey);
  const pane = found ? s.panes.find((p) => p.sectionIndex === found.index) : s.panes.find((p) => p.key === sectionKey && p.sectionIndex === null);
  return pane ? { paneId: pane.id, body: s.bodies[pane.id] ?? '', eol: s.doc.eol } : null;
}

/** The proposal as the section's new body: its line endings, and the blank lines that end the current body. */
export function proposedBody(current: string, proposal: string, eol: '\n' | '\r\n'): string {
  const trailing = current.slice(current.replace(/\s+$/, '').length);
  return toEol(proposal.replace(/\s+$/, ''), eol) + (trailing || eol);
}

/** Accept all: the section body becomes the proposal, as one edit. */
export async function acceptWholeProposal(paneId: string, body: string): Promise<void> {
  const editor = await ensureEditor(paneId);
  replaceInEditor(editor, 0, editor.getModel()!.getValueLength(), body);
}

/** Accepts one hunk of the diff: its lines of the proposal replace the section's lines. */
export async function acceptHunk(paneId: string, change: Monaco.editor.ILineChange, modified: Monaco.editor.ITextModel): Promise<void> {
  const editor = await ensureEditor(paneId);
  const model = editor.getModel()!;
  const eol = model.getEOL();
  const lines =
    change.modifiedEndLineNumber === 0
      ? null
      : modified.getValueInRange({ startLineNumber: change.modifiedStartLineNumber, startColumn: 1, endLineNumber: change.modifiedEndLineNumber, endColumn: modified.getLineMaxColumn(change.modifiedEndLineNumber) });
  const last = model.getLineCount();
  if (change.originalEndLineNumber === 0) {
    // Pure insertion after line originalStartLineNumber (0: before the first line).
    const after = change.originalStartLineNumber;
    if (after === 0) replaceRangeInEditor(editor, { startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 }, `${lines ?? ''}${eol}`);
    else replaceRangeInEditor(editor, { startLineNumber: after, startColumn: model.getLineMaxColumn(after), endLineNumber: after, endColumn: model.getLineMaxColumn(after) }, `${eol}${lines ?? ''}`);
    return;
  }
  const from = change.originalStartLineNumber;
  const to = change.originalEndLineNumber;
  if (lines === null) {
    // Pure deletion: the lines go together with one line break.
    const range =
      to < last
        ? { startLineNumber: from, startColumn: 1, endLineNumber: to + 1, endColumn: 1 }
        : from > 1
          ? { startLineNumber: from - 1, startColumn: model.getLineMaxColumn(from - 1), endLineNumber: to, endColumn: model.getLineMaxColumn(to) }
          : { startLineNumber: from, startColumn: 1, endLineNumber: to, endColumn: model.getLineMaxColumn(to) };
    replaceRangeInEditor(editor, range, '');
    return;
  }
  replaceRangeInEditor(editor, { startLineNumber: from, startColumn: 1, endLineNumber: to, endColumn: model.getLineMaxColumn(to) }, lines);
}

// ---- Clarify ----

function patchClarify(patch: Partial<ClarifyState>): void {
  useWorkbench.setState((s) => ({ reviewClarify: { ...s.reviewClarify, ...patch } }));
}

export async function loadClarify(): Promise<void> {
  store().sync();
  patchClarify({ status: 'loading', error: null, questions: [], index: 0, outcome: {} });
  store().reviewPatch({ reviewTab: 'clarify' });
  try {
    const result = await client().call('review.clarify', { specMarkdown: store().currentText() });
    patchClarify({ status: 'ready', mode: result.mode, questions: result.questions, index: 0, cost: result.cost, error: result.error ? result.error.message : null });
  } catch (error) {
    patchClarify({ status: 'error', error: failureMessage(error) });
  }
}

/** Writes the chosen answer into the spec (the section it concerns and "Clarifications"). */
export async function applyClarifyAnswer(questionId: string, answer: string): Promise<void> {
  const clarify = store().reviewClarify;
  const q = clarify.questions.find((x) => x.id === questionId);
  if (!q) return;
  store().sync();
  try {
    const { markdown } = await client().call('review.clarify.apply', {
      specMarkdown: store().currentText(),
      section: q.section,
      ...(q.quote ? { quote: q.quote } : {}),
      question: q.question,
      answer,
    });
    const how = await replaceDocumentText(markdown);
    patchClarify({ outcome: { ...store().reviewClarify.outcome, [q.id]: 'applied' }, index: store().reviewClarify.index + 1 });
    window.dispatchEvent(new CustomEvent('specbench:clarify-applied', { detail: { questionId, how } }));
  } catch (error) {
    store().notify('error', `The answer was not written: ${failureMessage(error)}`);
  }
}

export function skipClarifyQuestion(questionId: string): void {
  patchClarify({ outcome: { ...store().reviewClarify.outcome, [questionId]: 'skipped' }, index: store().reviewClarify.index + 1 });
}

// ---- Agent brief ----

export async function loadBriefTargets(): Promise<void> {
  store().sync();
  try {
    const { targets } = await client().call('review.briefTargets', { specMarkdown: store().currentText() });
    useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, targets, selected: Math.min(s.reviewBrief.selected, Math.max(0, targets.length - 1)), error: null } }));
  } catch (error) {
    useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, error: failureMessage(error) } }));
  }
}

export async function buildBrief(): Promise<void> {
  const brief = store().reviewBrief;
  const target = brief.targets?.[brief.selected];
  if (!target) return;
  store().sync();
  useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, loading: true, error: null } }));
  try {
    const result = await client().call('review.brief', {
      specMarkdown: store().currentText(),
      target,
      ...(brief.conventionsFile.trim() ? { conventionsFile: brief.conventionsFile.trim() } : {}),
    });
    useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, result, loading: false } }));
  } catch (error) {
    useWorkbench.setState((s) => ({ reviewBrief: { ...s.reviewBrief, loading: false, error: failureMessage(error) } }));
  }
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    store().notify('info', 'Brief copied to the clipboard.');
    window.dispatchEvent(new CustomEvent('specbench:brief-copied'));
  } catch (error) {
    store().notify('warning', `Could not copy: ${failureMessage(error)}. Select the text and copy it by hand.`);
  }
}
