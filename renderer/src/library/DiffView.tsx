import { readOnlyDiffOptions } from '../monaco/diff-options.js';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { ResultOf } from '../../../core/contract/operations.js';
import type { VersionDetail } from '../../../core/contract/ops/versions.js';
import { client } from '../client/current.js';
import { StoreErrorBox } from './StoreErrorBox.js';
import { toPanelError, type PanelError } from './store-errors.js';
import '../panels/library.css';

type SpecDiff = ResultOf<'versions.diff'>;
type MonacoApi = typeof Monaco;

interface Props {
  specId: number;
  /** Version numbers; the older one is shown on the left whatever the order given. */
  from: number;
  to: number;
  onClose(): void;
}

interface Loaded {
  diff: SpecDiff;
  before: VersionDetail;
  after: VersionDetail;
}

const WHOLE = '__document__';

/** The two texts the diff editor shows for a choice: the whole documents, or one section's. */
function textsFor(data: Loaded, selected: string): { original: string; modified: string } {
  if (selected === WHOLE) return { original: data.before.markdown, modified: data.after.markdown };
  const section = data.diff.sections.find((s) => s.key === selected);
  return { original: section?.before ?? '', modified: section?.after ?? '' };
}

/**
 * Two versions side by side in a read-only Monaco diff editor, whole document or one section,
 * under the semantic summary of what changed. An overlay; Esc or Close leaves it.
 */
export function DiffView({ specId, from, to, onClose }: Props) {
  const older = Math.min(from, to);
  const newer = Math.max(from, to);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState(WHOLE);
  const [editorReady, setEditorReady] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const monacoRef = useRef<{ monaco: MonacoApi; editor: Monaco.editor.IStandaloneDiffEditor } | null>(null);
  const models = useRef<Monaco.editor.ITextModel[]>([]);
  const selectedRef = useRef(selected);
  /** The first change of the current model pair has been scrolled into view. */
  const revealed = useRef(false);
  selectedRef.current = selected;

  useEffect(() => {
    let cancelled = false;
    setError(null);
    Promise.all([
      client().call('versions.diff', { specId, from: older, to: newer }),
      client().call('versions.get', { specId, number: older }),
      client().call('versions.get', { specId, number: newer }),
    ]).then(
      ([diff, before, after]) => !cancelled && setData({ diff, before, after }),
      (failure: unknown) => !cancelled && setError(toPanelError(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [specId, older, newer, attempt]);

  // Esc closes, unless an editor widget (find, a selection) used the key first.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, [onClose]);

  // The diff editor: Monaco comes from its own chunk, created once the texts are here.
  const haveData = data !== null;
  useEffect(() => {
    if (!haveData) return;
    let cancelled = false;
    let disposeListener: (() => void) | undefined;
    void import('../monaco/setup.js').then(({ monaco }) => {
      if (cancelled || !host.current) return;
      const editor = monaco.editor.createDiffEditor(host.current, {
        ...readOnlyDiffOptions,
        useInlineViewWhenSpaceIsLimited: false,
        renderOverviewRuler: true,
        ignoreTrimWhitespace: false,
      });
      const listener = editor.onDidUpdateDiff(() => {
        // Null until the diff of the current models has been computed.
        const changes = editor.getLineChanges();
        if (changes === null) return;
        if (!revealed.current) {
          revealed.current = true;
          // The first change in the middle of the view, on both sides.
          if (changes[0]) editor.getModifiedEditor().revealLineInCenter(Math.max(changes[0].modifiedStartLineNumber, 1));
        }
        const shown = selectedRef.current;
        // Announce once the revealed lines have been painted (tests read them; nothing waits on a sleep).
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (selectedRef.current !== shown) return;
            if (host.current) host.current.dataset.diffReady = shown;
            window.dispatchEvent(new CustomEvent('specbench:diff-ready', { detail: shown }));
          }),
        );
      });
      disposeListener = () => listener.dispose();
      monacoRef.current = { monaco, editor };
      setEditorReady(true);
    });
    return () => {
      cancelled = true;
      disposeListener?.();
      monacoRef.current?.editor.dispose();
      monacoRef.current = null;
      models.current.forEach((m) => m.dispose());
      models.current = [];
      setEditorReady(false);
    };
  }, [haveData]);

  useEffect(() => {
    const current = monacoRef.current;
    if (!editorReady || !current || !data) return;
    const { original, modified } = textsFor(data, selected);
    if (host.current) host.current.dataset.diffReady = '';
    revealed.current = false;
    const next = [current.monaco.editor.createModel(original, 'markdown'), current.monaco.editor.createModel(modified, 'markdown')];
    current.editor.updateOptions({
      hideUnchangedRegions: selected === WHOLE ? { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 } : { enabled: false },
    });
    current.editor.setModel({ original: next[0], modified: next[1] });
    models.current.forEach((m) => m.dispose());
    models.current = next;
  }, [editorReady, data, selected]);

  const sections = data?.diff.sections ?? [];
  const changedCount = sections.filter((s) => s.change !== 'unchanged').length;

  return createPortal(
    <div className="diff-overlay" data-testid="diff-view" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="diff-dialog" role="dialog" aria-modal="true" aria-label={`Compare version ${older} with version ${newer}`}>
        <header className="diff-header">
          <h2>
            Version {older} → version {newer}
          </h2>
          {data && (
            <span className="muted">
              {data.before.author} · {new Date(data.before.createdAt).toLocaleString()} → {data.after.author} ·{' '}
              {new Date(data.after.createdAt).toLocaleString()}
            </span>
          )}
          <button ref={closeButton} onClick={onClose} data-testid="diff-close" title="Close (Esc)">
            Close
          </button>
        </header>
        {error && <StoreErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
        {data && (
          <div className="diff-summary" data-testid="diff-summary">
            {data.diff.description.length === 0 ? (
              <p>No differences: the two versions have identical text.</p>
            ) : (
              <ul>
                {data.diff.description.map((line) => (
                  <li key={line} data-testid="diff-summary-line">
                    {line}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="diff-body">
          <nav className="diff-sections" aria-label="Show">
            <button aria-pressed={selected === WHOLE} onClick={() => setSelected(WHOLE)} data-testid="diff-section" data-key="document">
              <span>Whole document</span>
              <span className="muted">{changedCount} changed</span>
            </button>
            {sections.map((s) => (
              <button
                key={s.key}
                aria-pressed={selected === s.key}
                className={`diff-section diff-${s.change}`}
                onClick={() => setSelected(s.key)}
                data-testid="diff-section"
                data-key={s.key}
                data-change={s.change}
              >
                <span>{s.heading}</span>
                <span className={`change-kind change-${s.change}`}>{s.change}</span>
              </button>
            ))}
          </nav>
          <div className="diff-editor-wrap">
            {!data && !error && <p className="muted diff-loading">Loading…</p>}
            {/* Monaco owns this element's children. */}
            <div className="diff-editor" ref={host} data-testid="diff-editor" />
          </div>
        </div>
      </div>
    </div>,
    document.body,
  );
}
