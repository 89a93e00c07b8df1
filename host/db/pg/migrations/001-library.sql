-- PostgreSQL schema of the spec library: the tables of SQLite migrations 001, 002 and 004 (specs,
-- content-addressed immutable versions, drafts, finding states, validation runs). File links (003)
-- are local-only: a team server never reads the server's files. Timestamps stay ISO-8601 text so
-- both dialects return identical values; search uses PostgreSQL's own full text (tsvector).

-- Ids are 32-bit (SERIAL), which node-postgres returns as numbers, as SQLite does; BIGINT would come back as strings.
CREATE TABLE specs (
  id SERIAL PRIMARY KEY,               -- a sequence: ids of emptied specs are never reused
  custom_title TEXT,
  import_name TEXT,
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'archived', 'trashed')),
  state_before_trash TEXT CHECK (state_before_trash IN ('active', 'archived')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  trashed_at TEXT
);
CREATE INDEX specs_by_state ON specs (state, updated_at);

CREATE TABLE contents (
  id SERIAL PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  markdown TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  -- 'simple': no language stemming, the same words SQLite's unicode61 tokenizer finds.
  search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', markdown)) STORED
);
CREATE INDEX contents_search ON contents USING GIN (search);

CREATE TABLE versions (
  id SERIAL PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  content_id INTEGER NOT NULL REFERENCES contents (id),
  bom BOOLEAN NOT NULL DEFAULT FALSE,
  author TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT,
  template TEXT NOT NULL,
  section_count INTEGER NOT NULL,
  fr_count INTEGER NOT NULL,
  nfr_count INTEGER NOT NULL,
  ac_count INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  readiness DOUBLE PRECISION CHECK (readiness IS NULL OR (readiness >= 0 AND readiness <= 100)),
  restored_from INTEGER,
  fingerprint TEXT NOT NULL,
  changes TEXT,
  UNIQUE (spec_id, number)
);
CREATE INDEX versions_by_content ON versions (content_id);

-- Versions and contents are never rewritten; only emptying the trash deletes them.
CREATE FUNCTION specbench_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% are immutable', TG_TABLE_NAME;
END $$;
CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions FOR EACH ROW EXECUTE FUNCTION specbench_refuse_update();
CREATE TRIGGER contents_immutable BEFORE UPDATE ON contents FOR EACH ROW EXECUTE FUNCTION specbench_refuse_update();

CREATE TABLE drafts (
  spec_id INTEGER PRIMARY KEY REFERENCES specs (id) ON DELETE CASCADE,
  markdown TEXT NOT NULL,
  bom BOOLEAN NOT NULL DEFAULT FALSE,
  cursor_line INTEGER NOT NULL DEFAULT 1,
  cursor_column INTEGER NOT NULL DEFAULT 1,
  base_version_id INTEGER REFERENCES versions (id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE finding_states (
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  finding_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'applied', 'dismissed')),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (spec_id, content_hash, finding_id)
);

CREATE TABLE validation_runs (
  id SERIAL PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  target TEXT NOT NULL,
  defect TEXT,
  passed INTEGER NOT NULL CHECK (passed >= 0),
  total INTEGER NOT NULL CHECK (total >= passed),
  killed INTEGER CHECK (killed IS NULL OR killed >= 0),
  mutation_total INTEGER CHECK (mutation_total IS NULL OR mutation_total >= killed),
  results_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX validation_runs_by_content ON validation_runs (spec_id, content_hash, created_at);
