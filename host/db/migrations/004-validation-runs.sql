-- Live validation results per spec version content (issue 12): each `specbench validate` or
-- Validate-panel run against one target, with its pass count and, for a mutation run, the score.
-- `results_json` holds the per-criterion results (status, message, curl lines) as shown.

CREATE TABLE validation_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
