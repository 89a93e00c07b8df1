import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findMatches, stepMatch } from '../../../core/text/find-matches.js';
import { revealInPane } from '../monaco/editor-registry.js';
import { useWorkbench } from '../state/store.js';
import { useOverlay } from './overlay-store.js';

/**
 * Ctrl/Cmd+Shift+F: one find box over every section pane. Enter steps to the next match
 * (Shift+Enter back), across panes, selecting it in its pane's editor.
 */
export function FindBar() {
  const { panes, bodies, view, collapsed } = useWorkbench(useShallow((s) => ({ panes: s.panes, bodies: s.bodies, view: s.view, collapsed: s.collapsed })));
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findMatches(panes.map((p) => ({ id: p.id, text: bodies[p.id] ?? '' })), query), [panes, bodies, query]);
  useEffect(() => setCurrent(-1), [query]);
  const close = () => useOverlay.getState().show(null);

  const step = (by: 1 | -1) => {
    const next = stepMatch(current, matches.length, by);
    setCurrent(next);
    const match = matches[next];
    if (!match) return;
    if (collapsed[match.paneId]) useWorkbench.getState().toggleCollapsed(match.paneId);
    // A pane just expanded mounts its editor on the next frame.
    requestAnimationFrame(() => {
      revealInPane(match.paneId, match.offset, match.length);
      input.current?.focus();
    });
  };
  const here = matches[current];
  const paneTitle = here ? panes.find((p) => p.id === here.paneId)?.title : undefined;

  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={input}
        autoFocus
        placeholder="Find in all panes"
        aria-label="Find in all panes"
        data-testid="find-input"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.preventDefault(), step(e.shiftKey ? -1 : 1));
          if (e.key === 'Escape') close();
        }}
      />
      <span className="find-count" data-testid="find-count" data-pane={here?.paneId ?? ''}>
        {view === 'document'
          ? 'Sections view only (Ctrl+F here)'
          : !query
            ? ''
            : matches.length === 0
              ? 'No matches'
              : `${current + 1 || '–'} of ${matches.length}${paneTitle ? ` · ${paneTitle}` : ''}`}
      </span>
      <button onClick={() => step(-1)} disabled={matches.length === 0} title="Previous match (Shift+Enter)" aria-label="Previous match">
        ↑
      </button>
      <button onClick={() => step(1)} disabled={matches.length === 0} title="Next match (Enter)" aria-label="Next match" data-testid="find-next">
        ↓
      </button>
      <button onClick={close} title="Close (Escape)" aria-label="Close find">
        ×
      </button>
    </div>
  );
}
