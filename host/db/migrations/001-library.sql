-- The spec library: specs, immutable content-addressed versions, one autosave draft per spec,
-- and full-text search over every stored version.

CREATE TABLE specs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: ids of emptied specs are never reused
  custom_title TEXT,                    -- set by rename; NULL shows the head version's title
  import_name TEXT,                     -- file name the spec was imported from, reused on export
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'archived', 'trashed')),
  state_before_trash TEXT CHECK (state_before_trash IN ('active', 'archived')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,             -- last edit: a version, a draft or a rename
  trashed_at TEXT
);
CREATE INDEX specs_by_state ON specs (state, updated_at);

-- Markdown by SHA-256 of its UTF-8 bytes: a restored or re-imported text is stored once.
CREATE TABLE contents (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  markdown TEXT NOT NULL,
  bytes INTEGER NOT NULL
);

CREATE TABLE versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1), -- 1, 2, 3… within the spec
  content_id INTEGER NOT NULL REFERENCES contents (id),
  bom INTEGER NOT NULL DEFAULT 0 CHECK (bom IN (0, 1)),
  author TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- Parsed summary, computed once at save.
  title TEXT NOT NULL,
  status TEXT,
  template TEXT NOT NULL,
  section_count INTEGER NOT NULL,
  fr_count INTEGER NOT NULL,
  nfr_count INTEGER NOT NULL,
  ac_count INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  readiness REAL CHECK (readiness IS NULL OR (readiness >= 0 AND readiness <= 100)),
  restored_from INTEGER,                -- number of the version this one restored
  fingerprint TEXT NOT NULL,            -- SpecFingerprint as written by serializeFingerprint (core/diff)
  changes TEXT,                         -- JSON ChangeSummary against the previous version; NULL for the first
  UNIQUE (spec_id, number)
);
CREATE INDEX versions_by_content ON versions (content_id);

-- Versions and contents are never rewritten; only emptying the trash deletes them.
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions
BEGIN
  SELECT RAISE(ABORT, 'versions are immutable');
END;
CREATE TRIGGER contents_immutable BEFORE UPDATE ON contents
BEGIN
  SELECT RAISE(ABORT, 'contents are immutable');
END;

CREATE TABLE drafts (
  spec_id INTEGER PRIMARY KEY REFERENCES specs (id) ON DELETE CASCADE,
  markdown TEXT NOT NULL,
  bom INTEGER NOT NULL DEFAULT 0 CHECK (bom IN (0, 1)),
  cursor_line INTEGER NOT NULL DEFAULT 1,
  cursor_column INTEGER NOT NULL DEFAULT 1,
  base_version_id INTEGER REFERENCES versions (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);

-- External-content FTS5 index over contents. Indexing a large text costs more than the rest
-- of a save, so new contents are queued in fts_pending by trigger and indexed right after the
-- save commits (and before any search, and at open after a crash); see host/store/fts-index.ts.
CREATE VIRTUAL TABLE contents_fts USING fts5 (
  markdown,
  content = 'contents',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TABLE fts_pending (
  content_id INTEGER PRIMARY KEY -- a contents id not yet in contents_fts
);
CREATE TRIGGER contents_fts_queue AFTER INSERT ON contents
BEGIN
  INSERT INTO fts_pending (content_id) VALUES (new.id);
END;
-- Removing a row FTS5 never indexed would damage the index, so only indexed rows are removed from it.
CREATE TRIGGER contents_fts_delete AFTER DELETE ON contents
BEGIN
  INSERT INTO contents_fts (contents_fts, rowid, markdown)
    SELECT 'delete', old.id, old.markdown WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE content_id = old.id);
  DELETE FROM fts_pending WHERE content_id = old.id;
END;
