interface Props {
  searchText: string;
  onSearch(text: string): void;
  form: 'new' | 'import' | null;
  onForm(form: 'new' | 'import' | null): void;
}

/** Full-text search over every spec and version, and the New… / Import… toggles. */
export function LibraryToolbar({ searchText, onSearch, form, onForm }: Props) {
  return (
    <div className="library-toolbar">
      <input
        type="search"
        className="library-search"
        placeholder="Search all specs and versions…"
        aria-label="Search all specs and versions"
        value={searchText}
        onChange={(e) => onSearch(e.target.value)}
        data-testid="library-search"
      />
      <button aria-pressed={form === 'new'} onClick={() => onForm(form === 'new' ? null : 'new')} data-testid="library-new">
        New…
      </button>
      <button aria-pressed={form === 'import'} onClick={() => onForm(form === 'import' ? null : 'import')} data-testid="library-import">
        Import…
      </button>
    </div>
  );
}
