import { useEffect, useMemo, useRef, useState } from 'react';
import { filterCommands } from '../../../core/commands/filter.js';
import { loadReviewInfo } from '../review/review-settings.js';
import { useWorkbench } from '../state/store.js';
import { allCommands, keys } from './commands.js';
import { useOverlay } from './overlay-store.js';

/** Ctrl/Cmd+Shift+P: every action with its shortcut, filtered as you type, run with Enter. */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const passes = useWorkbench((s) => s.reviewPasses);
  const list = useRef<HTMLUListElement>(null);
  // The review passes are listed once known; the Review panel may not have loaded them yet.
  useEffect(() => {
    if (passes === null) void loadReviewInfo();
  }, [passes]);
  const shown = useMemo(() => filterCommands(allCommands(), query), [query, passes]);
  useEffect(() => setSelected(0), [query]);
  useEffect(() => {
    list.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const close = () => useOverlay.getState().show(null);
  const run = (index: number) => {
    const command = shown[index];
    if (!command) return;
    close();
    void command.run();
  };

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="palette" role="dialog" aria-label="Command palette" data-testid="command-palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          className="palette-input"
          placeholder="Type a command…"
          aria-label="Command"
          data-testid="palette-input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') (e.preventDefault(), setSelected((i) => Math.min(i + 1, shown.length - 1)));
            else if (e.key === 'ArrowUp') (e.preventDefault(), setSelected((i) => Math.max(i - 1, 0)));
            else if (e.key === 'Enter') (e.preventDefault(), run(selected));
            else if (e.key === 'Escape') close();
          }}
        />
        <ul className="palette-list" role="listbox" ref={list}>
          {shown.length === 0 && <li className="muted palette-empty">No command matches “{query}”.</li>}
          {shown.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === selected}
              data-testid="palette-item"
              data-command={c.id}
              onMouseEnter={() => setSelected(i)}
              onClick={() => run(i)}
            >
              <span>{c.title}</span>
              {c.shortcut && <kbd>{keys(c.shortcut)}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
