import type * as Monaco from 'monaco-editor/editor/editor.api';
import { hunkLabel } from '../../../core/review/draft-hunks.js';

/** The diff's hunks as a list: each one to show in the diff or accept on its own. */
export function DraftHunks({ hunks, onShow, onAccept }: { hunks: Monaco.editor.ILineChange[] | null; onShow: (c: Monaco.editor.ILineChange) => void; onAccept: (c: Monaco.editor.ILineChange) => void }) {
  return (
    <aside className="dd-hunks" data-testid="draft-hunks">
      <h3>Changes</h3>
      {hunks === null && <p className="muted">Comparing…</p>}
      {hunks?.length === 0 && <p className="muted">The section matches the proposal.</p>}
      <ol>
        {hunks?.map((c, i) => (
          <li key={`${c.originalStartLineNumber}:${c.modifiedStartLineNumber}:${i}`}>
            <button className="link" onClick={() => onShow(c)}>
              {hunkLabel(c)}
            </button>
            <button data-testid="draft-accept-hunk" onClick={() => onAccept(c)}>
              Accept
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
