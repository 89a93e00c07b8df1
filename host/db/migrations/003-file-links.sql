-- Which library spec a file on disk keeps its history in. The host owns this link (not the
-- renderer's localStorage), so a second window, another port or a fresh browser profile opens
-- the same spec and the same draft. `path` is the canonical real path (symlinks resolved);
-- `content_hash` is the SHA-256 of the file's bytes as last opened or saved, so a file that was
-- moved or renamed is found again by its content and its link re-pointed.

CREATE TABLE file_links (
  path TEXT PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  linked_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX file_links_by_hash ON file_links (content_hash);
CREATE INDEX file_links_by_spec ON file_links (spec_id, linked_at);
