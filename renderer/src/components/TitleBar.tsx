import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appInfo } from '../client/current.js';
import { openPickedFile, openWithDialog, save } from '../state/file-actions.js';
import { useWorkbench } from '../state/store.js';
import { Readiness } from './Readiness.js';
import { DomainBadge } from './DomainBadge.js';
import { FormatPicker } from './FormatPicker.js';
import { FrontMatterMenu, TitleAndStatus } from './MetaFields.js';
import { NewMenu } from './NewMenu.js';
import { PresenceBadge } from '../team/PresenceBadge.js';

/** Spec title and status, file name with the dirty marker, and the document commands. */
export function TitleBar() {
  const { file, dirty, view } = useWorkbench(
    useShallow((s) => ({ file: s.file, dirty: s.dirty, view: s.view })),
  );
  const setView = useWorkbench((s) => s.setView);
  const picker = useRef<HTMLInputElement>(null);
  const open = () => (appInfo().nativeDialogs ? void openWithDialog() : picker.current?.click());

  return (
    <header className="titlebar">
      <div className="titlebar-spec">
        <span className="app-name">Specbench</span>
        <TitleAndStatus />
        <Readiness /><DomainBadge /><FormatPicker /><PresenceBadge />
        <span className="file-name" data-testid="file-name" title={file.path ?? file.name}>
          {file.name}
          {dirty && (
            <span className="dirty" data-testid="dirty-marker" title="Unsaved changes">
              ●
            </span>
          )}
        </span>
      </div>
      <div className="titlebar-actions">
        <FrontMatterMenu />
        <NewMenu />
        <button onClick={open} data-testid="open">
          Open…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void openPickedFile(chosen);
          }}
        />
        <button onClick={() => void save()} data-testid="save" title="Save (Ctrl/Cmd+S)">
          Save
        </button>
        <div className="segmented" role="group" aria-label="View">
          <button aria-pressed={view === 'sections'} onClick={() => setView('sections')} data-testid="view-sections">
            Sections
          </button>
          <button aria-pressed={view === 'document'} onClick={() => setView('document')} data-testid="view-document">
            Whole document
          </button>
        </div>
      </div>
    </header>
  );
}
