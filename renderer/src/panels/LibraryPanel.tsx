import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import type { SearchHit } from '../../../core/contract/ops/search.js';
import type { SpecListItem, SpecSort, SpecState } from '../../../core/contract/ops/specs.js';
import type { TemplateId } from '../../../core/templates/index.js';
import { client } from '../client/current.js';
import { createFromTemplate, emptyTrash, exportSpec, openLibrarySpec } from '../library/library-actions.js';
import { ImportForm, NewSpecForm, SearchHitRow } from '../library/LibraryForms.js';
import { useDebounced, useNow, useWindowEvents, usePanelFailure } from '../library/panel-hooks.js';
import { SpecRow, type SpecAction } from '../library/SpecRow.js';
import { StoreErrorBox } from '../library/StoreErrorBox.js';
import { isStoreError, toPanelError, type PanelError } from '../library/store-errors.js';
import { useWorkbench } from '../state/store.js';
import './library.css';

const STATES: { id: SpecState; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'archived', label: 'Archived' },
  { id: 'trashed', label: 'Trash' },
];

const SORTS: { id: SpecSort; label: string; defaultDirection: 'asc' | 'desc' }[] = [
  { id: 'lastEdited', label: 'Last edited', defaultDirection: 'desc' },
  { id: 'title', label: 'Title', defaultDirection: 'asc' },
  { id: 'readiness', label: 'Readiness', defaultDirection: 'desc' },
  { id: 'created', label: 'Created', defaultDirection: 'desc' },
  { id: 'status', label: 'Status', defaultDirection: 'asc' },
];

const COMMON_STATUSES = ['draft', 'in-review', 'approved'];
const REFRESH_EVENTS = ['specbench:versioned', 'specbench:autosaved', 'specbench:library-changed'] as const;

/** The library: every spec with its status and readiness, filters, full-text search and the spec actions. */
export function LibraryPanel() {
  const [state, setState] = useState<SpecState>('active');
  const [sort, setSort] = useState<SpecSort>('lastEdited');
  const [reversed, setReversed] = useState(false);
  const [status, setStatus] = useState('');
  const [titleText, setTitleText] = useState('');
  const [query, setQuery] = useState('');
  const [specs, setSpecs] = useState<SpecListItem[] | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const [form, setForm] = useState<'new' | 'import' | null>(null);
  const [importResult, setImportResult] = useState<ResultOf<'specs.import'> | null>(null);
  const [reload, setReload] = useState(0);
  const [statuses, setStatuses] = useState<string[]>(COMMON_STATUSES);
  const openSpecId = useWorkbench((s) => s.library?.specId ?? null);
  const now = useNow();
  const debouncedTitle = useDebounced(titleText.trim());
  const debouncedQuery = useDebounced(query.trim());
  const request = useRef(0);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useWindowEvents(REFRESH_EVENTS, refresh);

  const fail = usePanelFailure(setError);

  const defaultDirection = SORTS.find((s) => s.id === sort)?.defaultDirection ?? 'asc';
  const direction = reversed ? (defaultDirection === 'asc' ? 'desc' : 'asc') : defaultDirection;

  useEffect(() => {
    const id = ++request.current;
    const listing = client().call('specs.list', {
      state,
      sort,
      direction,
      ...(status ? { status } : {}),
      ...(debouncedTitle ? { titleContains: debouncedTitle } : {}),
    });
    const searching = debouncedQuery ? client().call('search.query', { query: debouncedQuery, limit: 50 }) : Promise.resolve(null);
    Promise.all([listing, searching]).then(
      ([list, found]) => {
        if (id !== request.current) return;
        setError(null);
        setSpecs(list.specs);
        setHits(found?.hits ?? null);
        const seen = list.specs.map((s) => s.status).filter((s): s is string => !!s);
        setStatuses((known) => (seen.every((s) => known.includes(s)) ? known : [...new Set([...known, ...seen])].sort()));
        window.dispatchEvent(new CustomEvent('specbench:library-listed'));
      },
      (failure: unknown) => {
        if (id !== request.current) return;
        const e = toPanelError(failure);
        // A malformed search (an unclosed quote…) is the query's problem, not the library's.
        if (!isStoreError(e) && debouncedQuery) {
          setHits([]);
          useWorkbench.getState().notify('warning', `Search: ${e.message}`);
          return;
        }
        fail(failure);
      },
    );
  }, [state, sort, direction, status, debouncedTitle, debouncedQuery, reload, fail]);

  /** Runs a library action; store failures land in the panel, then the list refreshes. */
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (failure) {
        fail(failure);
      }
      refresh();
    },
    [fail, refresh],
  );

  const onAction = (action: SpecAction, spec: SpecListItem, title?: string) => {
    void run(async () => {
      switch (action) {
        case 'open':
          await openLibrarySpec(spec.id);
          break;
        case 'rename':
          if (title && title !== spec.title) await client().call('specs.rename', { id: spec.id, title });
          break;
        case 'archive':
        case 'unarchive':
          await client().call('specs.archive', { id: spec.id, archived: action === 'archive' });
          break;
        case 'trash':
          await client().call('specs.trash', { id: spec.id });
          if (spec.id === openSpecId) useWorkbench.getState().notify('info', `${spec.title} is in the trash; it stays open until you close it, and can be restored from the Trash.`);
          break;
        case 'restore':
          await client().call('specs.restore', { id: spec.id });
          break;
        case 'export':
          await exportSpec(spec.id);
          break;
      }
    });
  };

  const onEmptyTrash = () =>
    void run(async () => {
      const { specs: trashed } = await client().call('specs.list', { state: 'trashed' });
      if (trashed.length === 0) return;
      const names = trashed.slice(0, 5).map((s) => `• ${s.title}`).join('\n');
      const more = trashed.length > 5 ? `\n…and ${trashed.length - 5} more` : '';
      if (!window.confirm(`Delete ${trashed.length} ${trashed.length === 1 ? 'spec' : 'specs'} in the trash for good, with every version and draft?\n\n${names}${more}`)) return;
      const deleted = await emptyTrash(trashed.map((s) => s.id));
      useWorkbench.getState().notify('info', `Deleted ${deleted} ${deleted === 1 ? 'spec' : 'specs'} for good.`);
    });

  const onCreate = (template: TemplateId, title: string) =>
    void run(async () => {
      if (await createFromTemplate(template, title)) {
        setForm(null);
        setState('active');
      }
    });

  const onImport = (path: string) =>
    void run(async () => {
      setImportResult(null);
      const result = await client().call('specs.import', { path });
      setImportResult(result);
      if (result.imported.length) setState('active');
    });

  const searching = hits !== null && query.trim() !== '';

  return (
    <div className="library" data-testid="library">
      <div className="library-toolbar">
        <input
          type="search"
          className="library-search"
          placeholder="Search all specs and versions…"
          aria-label="Search all specs and versions"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="library-search"
        />
        <button aria-pressed={form === 'new'} onClick={() => setForm(form === 'new' ? null : 'new')} data-testid="library-new">
          New…
        </button>
        <button
          aria-pressed={form === 'import'}
          onClick={() => (setForm(form === 'import' ? null : 'import'), setImportResult(null))}
          data-testid="library-import"
        >
          Import…
        </button>
      </div>
      {form === 'new' && <NewSpecForm onCreate={onCreate} onCancel={() => setForm(null)} />}
      {form === 'import' && <ImportForm onImport={onImport} onCancel={() => setForm(null)} result={importResult} />}
      {error && <StoreErrorBox error={error} onRetry={refresh} />}

      {searching ? (
        <section aria-label="Search results">
          <p className="muted" data-testid="search-count">
            {hits.length === 0 ? 'No spec matches.' : `${hits.length} ${hits.length === 1 ? 'spec matches' : 'specs match'}, best first.`}
          </p>
          <ul className="library-list">
            {hits.map((hit) => (
              <SearchHitRow key={hit.specId} hit={hit} onOpen={(id) => void run(() => openLibrarySpec(id))} />
            ))}
          </ul>
        </section>
      ) : (
        <>
          <div className="segmented library-states" role="group" aria-label="Show">
            {STATES.map((s) => (
              <button key={s.id} aria-pressed={state === s.id} onClick={() => setState(s.id)} data-testid={`library-state-${s.id}`}>
                {s.label}
              </button>
            ))}
          </div>
          <div className="library-filters">
            <input
              placeholder="Filter by title"
              aria-label="Filter by title"
              value={titleText}
              onChange={(e) => setTitleText(e.target.value)}
              data-testid="library-filter-title"
            />
            <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)} data-testid="library-filter-status">
              <option value="">Any status</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <select aria-label="Sort by" value={sort} onChange={(e) => (setSort(e.target.value as SpecSort), setReversed(false))} data-testid="library-sort">
              {SORTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <button
              onClick={() => setReversed(!reversed)}
              aria-label={`Order: ${direction === 'desc' ? 'descending' : 'ascending'}; reverse it`}
              title={`${direction === 'desc' ? 'Descending' : 'Ascending'}: click to reverse`}
              aria-pressed={reversed}
              data-testid="library-sort-direction"
            >
              {direction === 'desc' ? '↓' : '↑'}
            </button>
          </div>
          {state === 'trashed' && specs !== null && specs.length > 0 && (
            <button className="danger" onClick={onEmptyTrash} data-testid="library-empty-trash">
              Empty trash…
            </button>
          )}
          {specs === null && !error && <p className="muted">Loading…</p>}
          {specs !== null && specs.length === 0 && (
            <p className="muted" data-testid="library-empty">
              {debouncedTitle || status
                ? 'No spec matches these filters.'
                : state === 'active'
                  ? 'No specs yet. Save the open document, create one from a template, or import a folder.'
                  : state === 'archived'
                    ? 'Nothing archived.'
                    : 'The trash is empty.'}
            </p>
          )}
          <ul className="library-list">
            {specs?.map((spec) => (
              <SpecRow key={spec.id} spec={spec} isOpen={spec.id === openSpecId} now={now} onAction={onAction} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
