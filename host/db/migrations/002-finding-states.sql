-- Review findings keep a state per spec version content: a finding dismissed on one version
-- stays dismissed there, and a new version starts from its own states. `finding_id` is the
-- reviewer's stable id for the finding (rule or prompt step plus anchor).

CREATE TABLE finding_states (
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  finding_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'applied', 'dismissed')),
  note TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (spec_id, content_hash, finding_id)
) WITHOUT ROWID;
