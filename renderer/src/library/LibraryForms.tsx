import { useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import type { SearchHit } from '../../../core/contract/ops/search.js';
import { templates, type TemplateId } from '../../../core/templates/index.js';
import { Snippet } from './Snippet.js';

/** New spec: a template and a title; the spec is created with version 1 and opened. */
export function NewSpecForm({ onCreate, onCancel }: { onCreate(template: TemplateId, title: string): void; onCancel(): void }) {
  const [template, setTemplate] = useState<TemplateId>(templates[0].id);
  const [title, setTitle] = useState('');
  const chosen = templates.find((t) => t.id === template);
  return (
    <form
      className="library-form"
      data-testid="new-spec-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) onCreate(template, title.trim());
      }}
    >
      <label>
        Template
        <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)} data-testid="new-spec-template">
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && <small className="muted">{chosen.description}</small>}
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Passwordless sign-in" maxLength={300} autoFocus data-testid="new-spec-title" />
      </label>
      <div className="library-form-actions">
        <button type="submit" disabled={!title.trim()} data-testid="new-spec-create">
          Create and open
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type ImportResult = ResultOf<'specs.import'>;

/**
 * Import: a folder on the host, typed (browser mode) or picked in the native dialog (the desktop,
 * which imports only folders the user picked); every .md in it becomes a spec.
 */
export function ImportForm({
  onImport,
  onChooseFolder,
  onCancel,
  result,
}: {
  onImport(path: string): void;
  /** Present in the desktop app: picks a folder in the native dialog and imports it. */
  onChooseFolder?: () => void;
  onCancel(): void;
  result: ImportResult | null;
}) {
  const [path, setPath] = useState('');
  return (
    <form
      className="library-form"
      data-testid="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) onImport(path.trim());
      }}
    >
      <label>
        Folder on this computer
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/specs" autoFocus data-testid="import-path" />
      </label>
      <small className="muted">Each .md file becomes a spec with one version; other files are skipped.</small>
      <div className="library-form-actions">
        {onChooseFolder && (
          <button type="button" onClick={onChooseFolder} data-testid="import-choose-folder">
            Choose folder…
          </button>
        )}
        <button type="submit" disabled={!path.trim()} data-testid="import-run">
          Import
        </button>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
      {result && (
        <div className="import-result" data-testid="import-result">
          <p>
            Imported {result.imported.length} {result.imported.length === 1 ? 'spec' : 'specs'}
            {result.skipped.length > 0 && `, skipped ${result.skipped.length} ${result.skipped.length === 1 ? 'file' : 'files'}`}.
          </p>
          {result.skipped.length > 0 && (
            <ul>
              {result.skipped.map((s) => (
                <li key={s.file}>
                  <code>{s.file}</code>: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/** One full-text hit: its title, the highlighted snippet, and whether only older versions matched. */
export function SearchHitRow({ hit, onOpen }: { hit: SearchHit; onOpen(specId: number): void }) {
  return (
    <li className="search-hit" data-testid="search-hit" data-spec-id={hit.specId} data-in-head={hit.inHead}>
      <button className="spec-title" onClick={() => onOpen(hit.specId)}>
        {hit.title}
      </button>
      {hit.state === 'archived' && <span className="tag tag-muted">archived</span>}
      <p className="search-snippet">
        <Snippet parts={hit.snippet} />
      </p>
      {hit.inHead ? (
        <small className="muted">In the newest version{hit.versions.length > 1 ? ` and ${hit.versions.length - 1} earlier` : ''}.</small>
      ) : (
        <small className="search-older" data-testid="search-older">
          Only an older version matched: {hit.versions.map((v) => `v${v}`).join(', ')}.
        </small>
      )}
    </li>
  );
}
