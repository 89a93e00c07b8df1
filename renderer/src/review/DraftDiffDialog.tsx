import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { useShallow } from 'zustand/react/shallow';
import { findSection } from '../../../core/review/anchor.js';
import { proposedBody } from '../../../core/review/draft-hunks.js';
import type { DraftProposal } from '../../../core/review/tool-schema.js';
import { announce } from '../events/app-events.js';
import { readOnlyDiffOptions } from '../monaco/diff-options.js';
import { showDiffPair, type DiffPair } from '../monaco/diff-pair.js';
import { editorFor } from '../monaco/editor-registry.js';
import type { OpenDraft } from '../state/review-slice.js';
import { useWorkbench } from '../state/store.js';
import { failureMessage } from './format.js';
import { acceptHunk, acceptWholeProposal, draftTarget } from './draft-actions.js';
import { DraftHunks } from './DraftHunks.js';

interface Live {
  diff: Monaco.editor.IStandaloneDiffEditor;
  pair: DiffPair;
  paneId: string;
}

function close(): void {
  useWorkbench.getState().reviewPatch({ reviewDraft: null });
}

/** A draft pass's proposal for one section as a diff against the section's current text. */
function DraftDiff({ draft, proposal }: { draft: OpenDraft; proposal: DraftProposal }) {
  const host = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const [hunks, setHunks] = useState<Monaco.editor.ILineChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = useWorkbench((s) => findSection(s.doc, proposal.section)?.section.heading ?? proposal.section);
  // The same proposal may arrive again (the run's final snapshot): the diff is built once per draft.
  const proposalRef = useRef(proposal);
  proposalRef.current = proposal;

  useEffect(() => {
    let disposed = false;
    void (async () => {
      const { monaco } = await import('../monaco/setup.js');
      const proposal = proposalRef.current;
      const target = draftTarget(proposal.section);
      if (disposed || !host.current) return;
      if (!target) {
        setError(`The spec has no pane for the section "${proposal.section}".`);
        return;
      }
      const diff = monaco.editor.createDiffEditor(host.current, readOnlyDiffOptions);
      const pair = showDiffPair(monaco, diff, target.body, proposedBody(target.body, proposal.text, target.eol));
      diff.onDidUpdateDiff(() => {
        setHunks(diff.getLineChanges() ?? []);
        announce('specbench:draft-diff', { hunks: diff.getLineChanges()?.length ?? 0 });
      });
      live.current = { diff, pair, paneId: target.paneId };
    })().catch((e: unknown) => setError(failureMessage(e)));
    return () => {
      disposed = true;
      const l = live.current;
      live.current = null;
      l?.diff.dispose();
      l?.pair.dispose();
    };
  }, [draft.runId, draft.passId, draft.index]);

  const acceptAll = async () => {
    const l = live.current;
    if (!l) return;
    try {
      await acceptWholeProposal(l.paneId, l.pair.modified.getValue());
      announce('specbench:draft-accepted', { section: proposal.section });
      close();
    } catch (e) {
      setError(failureMessage(e));
    }
  };

  const accept = async (change: Monaco.editor.ILineChange) => {
    const l = live.current;
    if (!l) return;
    try {
      await acceptHunk(l.paneId, change, l.pair.modified);
      // The left side is the section as it now is; the diff recomputes without this hunk.
      const text = editorFor(l.paneId)?.getModel()?.getValue();
      if (text !== undefined) l.pair.original.setValue(text);
    } catch (e) {
      setError(failureMessage(e));
    }
  };

  const show = (change: Monaco.editor.ILineChange) => {
    live.current?.diff.getModifiedEditor().revealLineInCenter(Math.max(1, change.modifiedStartLineNumber));
  };

  return (
    <div className="dd" data-testid="draft-diff">
      <header className="dd-head">
        <h2>
          Proposed text for <em>{title}</em>
        </h2>
        <span className="muted">left: the section now · right: the proposal</span>
      </header>
      {proposal.rationale && <p className="dd-rationale">{proposal.rationale}</p>}
      {error && (
        <p className="rs-error" role="alert">
          {error}
        </p>
      )}
      <div className="dd-body">
        <div className="dd-editor" ref={host} />
        <DraftHunks hunks={hunks} onShow={show} onAccept={(c) => void accept(c)} />
      </div>
      <footer className="rs-buttons">
        <button onClick={close} data-testid="draft-discard">
          {hunks !== null && hunks.length === 0 ? 'Close' : 'Discard'}
        </button>
        <button className="primary" onClick={() => void acceptAll()} disabled={!hunks || hunks.length === 0} data-testid="draft-accept-all">
          Accept all
        </button>
      </footer>
    </div>
  );
}

export function DraftDiffDialog() {
  const { draft, runs } = useWorkbench(useShallow((s) => ({ draft: s.reviewDraft, runs: s.reviewRuns })));
  if (!draft) return null;
  const proposal = runs[draft.runId]?.passes[draft.passId]?.done?.proposals[draft.index];
  if (!proposal) return null;
  return createPortal(
    <div className="review-modal" role="dialog" aria-modal="true" aria-label="Proposed section text">
      <div className="review-modal-box dd-box">
        <DraftDiff draft={draft} proposal={proposal} />
      </div>
    </div>,
    document.body,
  );
}
