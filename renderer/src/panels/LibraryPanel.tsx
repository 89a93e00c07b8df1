import { useCallback, useState } from 'react';
import type { ResultOf } from '../../../core/contract/operations.js';
import type { SpecListItem } from '../../../core/contract/ops/specs.js';
import type { TemplateId } from '../../../core/templates/index.js';
import { archiveSpec, canChooseFolders, chooseImportFolder, createFromTemplate, emptyTrash, exportSpec, importFolder, openLibrarySpec, renameSpec, restoreSpec, trashSpec } from '../library/library-actions.js';
import { LibraryFilterBar } from '../library/LibraryFilterBar.js';
import { ImportForm, NewSpecForm } from '../library/LibraryForms.js';
import { LibraryToolbar } from '../library/LibraryToolbar.js';
import { SearchResults } from '../library/SearchResults.js';
import { SpecList } from '../library/SpecList.js';
import type { SpecAction } from '../library/SpecRow.js';
import { StoreErrorBox } from '../library/StoreErrorBox.js';
import { useLibraryFilters } from '../library/use-library-filters.js';
import { useLibraryListing } from '../library/use-library-listing.js';
import './library.css';

/** What each spec row action does; every one refreshes the listing through the store. */
function runSpecAction(action: SpecAction, spec: SpecListItem, title?: string): Promise<unknown> {
  switch (action) {
    case 'open':
      return openLibrarySpec(spec.id);
    case 'rename':
      return renameSpec(spec, title ?? spec.title);
    case 'archive':
    case 'unarchive':
      return archiveSpec(spec.id, action === 'archive');
    case 'trash':
      return trashSpec(spec);
    case 'restore':
      return restoreSpec(spec.id);
    case 'export':
      return exportSpec(spec.id);
  }
}

/** The library: every spec with its status and readiness, filters, full-text search and the spec actions. */
export function LibraryPanel() {
  const { filters, query, update } = useLibraryFilters();
  const listing = useLibraryListing(query);
  const [form, setForm] = useState<'new' | 'import' | null>(null);
  const [importResult, setImportResult] = useState<ResultOf<'specs.import'> | null>(null);
  const { fail, retry } = listing;

  /** Runs a library action; a failure lands in the panel (store errors) or a notice, then the list is fetched again. */
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (failure) {
        fail(failure);
        retry();
      }
    },
    [fail, retry],
  );

  const onForm = (next: 'new' | 'import' | null) => {
    setForm(next);
    setImportResult(null);
  };
  const onCreate = (template: TemplateId, title: string) =>
    void run(async () => {
      if (await createFromTemplate(template, title)) {
        setForm(null);
        update({ state: 'active' });
      }
    });
  const importPath = async (path: string) => {
    setImportResult(null);
    const result = await importFolder(path);
    setImportResult(result);
    if (result.imported.length) update({ state: 'active' });
  };
  const onImport = (path: string) => void run(() => importPath(path));
  // The desktop imports only folders picked in its native dialog (a typed path is refused there).
  const onChooseFolder = canChooseFolders()
    ? () =>
        void run(async () => {
          const path = await chooseImportFolder();
          if (path) await importPath(path);
        })
    : undefined;
  const onOpen = (specId: number) => void run(() => openLibrarySpec(specId));

  const searching = listing.hits !== null && filters.searchText.trim() !== '';

  return (
    <div className="library" data-testid="library">
      <LibraryToolbar searchText={filters.searchText} onSearch={(searchText) => update({ searchText })} form={form} onForm={onForm} />
      {form === 'new' && <NewSpecForm onCreate={onCreate} onCancel={() => setForm(null)} />}
      {form === 'import' && <ImportForm onImport={onImport} onChooseFolder={onChooseFolder} onCancel={() => setForm(null)} result={importResult} />}
      {listing.error && <StoreErrorBox error={listing.error} onRetry={retry} />}
      {searching ? (
        <SearchResults hits={listing.hits ?? []} onOpen={onOpen} />
      ) : (
        <>
          <LibraryFilterBar filters={filters} direction={query.direction} statuses={listing.statuses} onChange={update} />
          <SpecList
            state={filters.state}
            specs={listing.specs}
            filtered={!!(query.titleContains || query.status)}
            failed={listing.error !== null}
            onAction={(action, spec, title) => void run(() => runSpecAction(action, spec, title))}
            onEmptyTrash={() => void run(emptyTrash)}
          />
        </>
      )}
    </div>
  );
}
