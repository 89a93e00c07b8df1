import { allCommands, keys } from './commands.js';
import { useOverlay } from './overlay-store.js';

/** Keys that work inside the editors (Monaco's own), listed with the app's. */
const EDITOR_KEYS: [string, string][] = [
  ['Ctrl+F', 'Find in this pane'],
  ['Ctrl+H', 'Replace in this pane'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Enter / Shift+Enter', 'Next / previous match (in find)'],
  ['Escape', 'Close the palette, find or a menu'],
];

/** `?` or "Keyboard shortcuts" in the palette: every shortcut the workbench answers to. */
export function ShortcutList() {
  const close = () => useOverlay.getState().show(null);
  const bound = allCommands().filter((c) => c.shortcut);
  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div className="palette shortcuts" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-list" onMouseDown={(e) => e.stopPropagation()}>
        <header>
          <strong>Keyboard shortcuts</strong>
          <button onClick={close} autoFocus onKeyDown={(e) => e.key === 'Escape' && close()}>
            Close
          </button>
        </header>
        <table>
          <tbody>
            {bound.map((c) => (
              <tr key={c.id}>
                <td>
                  <kbd>{keys(c.shortcut!)}</kbd>
                </td>
                <td>{c.title}</td>
              </tr>
            ))}
            {EDITOR_KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{keys(k)}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
