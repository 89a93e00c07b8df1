import { useState } from 'react';
import { statusKey, statusLabel } from '../../../core/present/status.js';
import type { SpecListItem } from '../../../core/contract/ops/specs.js';
import { readinessTone } from '../../../core/present/library-text.js';
import { relativeTime } from '../../../core/present/relative-time.js';
import { SpecRequiredBadge } from './SpecRequiredBadge.js';
import { SpecRequiredForm } from './SpecRequiredForm.js';

export type SpecAction = 'open' | 'rename' | 'archive' | 'unarchive' | 'trash' | 'restore' | 'export';

interface Props {
  spec: SpecListItem;
  isOpen: boolean;
  now: number;
  onAction(action: SpecAction, spec: SpecListItem, title?: string): void;
}

/** One library spec: title (opens it), status, readiness, versions, last edit, and its actions. */
export function SpecRow({ spec, isOpen, now, onAction }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(spec.title);
  const [asking, setAsking] = useState(false);
  const trashed = spec.state === 'trashed';
  const edited = new Date(spec.lastEditedAt).toLocaleString();

  return (
    <li className={`spec-row${isOpen ? ' spec-row-open' : ''}`} data-testid="library-spec" data-spec-id={spec.id} data-title={spec.title}>
      {renaming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) onAction('rename', spec, title.trim());
            setRenaming(false);
          }}
        >
          <input aria-label="New title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus maxLength={300} data-testid="rename-input" />
          <button type="submit">Rename</button>
          <button type="button" onClick={() => (setRenaming(false), setTitle(spec.title))}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="spec-row-head">
          {trashed ? (
            <span className="spec-title">{spec.title}</span>
          ) : (
            <button className="spec-title" onClick={() => onAction('open', spec)} title={isOpen ? 'Open in the editor' : 'Open'} data-testid="library-open">
              {spec.title}
            </button>
          )}
          {isOpen && <span className="tag tag-accent">open</span>}
          {spec.hasDraft && (
            <span className="tag tag-warn" title="Has autosaved changes that are not a version yet" data-testid="draft-marker">
              ● unsaved draft
            </span>
          )}
        </div>
      )}
      <div className="spec-row-meta">
        <span className={`status status-${statusKey(spec.status)}`}>{statusLabel(spec.status)}</span>
        {spec.readiness === null ? (
          <span className="readiness" title="Saved without a readiness score">
            Readiness —
          </span>
        ) : (
          <span className={`readiness readiness-${readinessTone(spec.readiness)}`}>Readiness {Math.round(spec.readiness)}</span>
        )}
        <span className="muted">
          {spec.headVersion} {spec.headVersion === 1 ? 'version' : 'versions'}
        </span>
        <span className="muted" title={`Last edited ${edited}`}>
          edited {relativeTime(spec.lastEditedAt, now)}
        </span>
        <SpecRequiredBadge value={spec.specRequired} />
      </div>
      {asking && <SpecRequiredForm specId={spec.id} onClose={() => setAsking(false)} />}
      {!renaming && (
        <div className="spec-row-actions">
          {trashed ? (
            <button onClick={() => onAction('restore', spec)} data-testid="library-restore">
              Restore
            </button>
          ) : (
            <>
              <button onClick={() => setRenaming(true)} data-testid="library-rename">
                Rename
              </button>
              {spec.state === 'archived' ? (
                <button onClick={() => onAction('unarchive', spec)} data-testid="library-unarchive">
                  Unarchive
                </button>
              ) : (
                <button onClick={() => onAction('archive', spec)} data-testid="library-archive">
                  Archive
                </button>
              )}
              <button onClick={() => onAction('trash', spec)} data-testid="library-trash">
                Move to trash
              </button>
              <button onClick={() => setAsking((open) => !open)} aria-expanded={asking} data-testid="library-spec-required">
                Spec required?
              </button>
            </>
          )}
          <button onClick={() => onAction('export', spec)} data-testid="library-export">
            Export
          </button>
        </div>
      )}
    </li>
  );
}
