import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { diffTexts, WHOLE_DOCUMENT } from '../../../core/present/diff-texts.js';
import { DiffSectionNav, DiffSummary } from './DiffSectionNav.js';
import { StoreErrorBox } from './StoreErrorBox.js';
import { useDiffEditor } from './use-diff-editor.js';
import { useVersionDiff } from './use-version-diff.js';
import '../panels/library.css';

interface Props {
  specId: number;
  /** Version numbers; the older one is shown on the left whatever the order given. */
  from: number;
  to: number;
  onClose(): void;
}

/** Esc closes, unless an editor widget (find, a selection) used the key first; focus returns where it was. */
function useEscapeToClose(onClose: () => void, focusFirst: RefObject<HTMLButtonElement | null>) {
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    focusFirst.current?.focus();
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
  }, [onClose, focusFirst]);
}

/**
 * Two versions side by side in a read-only Monaco diff editor, whole document or one section,
 * under the semantic summary of what changed. An overlay; Esc or Close leaves it.
 */
export function DiffView({ specId, from, to, onClose }: Props) {
  const older = Math.min(from, to);
  const newer = Math.max(from, to);
  const { data, error, retry } = useVersionDiff(specId, older, newer);
  const [selected, setSelected] = useState(WHOLE_DOCUMENT);
  const host = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEscapeToClose(onClose, closeButton);
  const texts = useMemo(
    () => (data ? diffTexts({ before: data.before.markdown, after: data.after.markdown }, data.diff.sections, selected) : null),
    [data, selected],
  );
  useDiffEditor(host, texts, selected);

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
        {error && <StoreErrorBox error={error} onRetry={retry} />}
        {data && <DiffSummary description={data.diff.description} />}
        <div className="diff-body">
          <DiffSectionNav sections={data?.diff.sections ?? []} selected={selected} onSelect={setSelected} />
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
