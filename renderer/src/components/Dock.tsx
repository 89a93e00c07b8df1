import { useState } from 'react';
import { panels } from '../panels/registry.js';
import { useDockWidth } from './use-dock-width.js';

/** The right-hand dock: one tab per registered panel, resizable by its left edge. */
export function Dock() {
  const [active, setActive] = useState(panels[0]?.id ?? '');
  const [open, setOpen] = useState(true);
  const { width, onPointerDown, onKeyDown } = useDockWidth();
  if (panels.length === 0) return null;
  const current = panels.find((p) => p.id === active) ?? panels[0];
  const Component = current.component;
  return (
    <aside className={`dock${open ? '' : ' dock-closed'}`} aria-label="Tools" style={open ? { width } : undefined} data-testid="dock">
      {open && (
        <div
          className="dock-resizer"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize the tools dock"
          aria-valuenow={width}
          tabIndex={0}
          data-testid="dock-resizer"
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        />
      )}
      <div className="dock-tabs" role="tablist">
        {panels.map((p) => (
          <button
            key={p.id}
            role="tab"
            aria-selected={open && p.id === current.id}
            data-testid={`tab-${p.id}`}
            onClick={() => (p.id === current.id && open ? setOpen(false) : (setActive(p.id), setOpen(true)))}
          >
            {p.title}
          </button>
        ))}
      </div>
      {open && (
        <div className="dock-body" role="tabpanel" data-testid={`panel-${current.id}`}>
          <Component />
        </div>
      )}
    </aside>
  );
}
