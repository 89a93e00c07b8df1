import { useCallback, useRef, useState } from 'react';
import { templates } from '../../../core/templates/index.js';
import { useDismiss } from '../lib/use-dismiss.js';
import { newSpec } from '../state/file-actions.js';

/** "New ▾": one entry per template; closes on choice, Escape or a click elsewhere. */
export function NewMenu() {
  const [menuOpen, setMenuOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setMenuOpen(false), []);
  useDismiss(menuOpen, box, close);
  return (
    <div className="menu" ref={box}>
      <button onClick={() => setMenuOpen(!menuOpen)} aria-haspopup="menu" aria-expanded={menuOpen} data-testid="new-menu">
        New ▾
      </button>
      {menuOpen && (
        <ul className="menu-list" role="menu">
          {templates.map((t) => (
            <li key={t.id} role="none">
              <button role="menuitem" data-testid={`new-${t.id}`} onClick={() => (close(), newSpec(t.id))}>
                <strong>{t.name}</strong>
                <small>{t.description}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
