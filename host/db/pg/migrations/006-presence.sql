-- Who has which spec open (issue 15 FR-5), shared by every `team serve` process on the database.
-- One row per signed-in session: a window's heartbeat (team.presence.set every 20 s) refreshes
-- seen_at, and rows older than the time-to-live are ignored and swept, so a closed laptop drops
-- out by itself. Account ids are the team accounts' UUIDs, kept as text without a foreign key so
-- presence does not depend on the accounts migration's shape; leaving a spec deletes the row.
CREATE TABLE presence (
  session_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX presence_by_spec ON presence (spec_id, seen_at);
CREATE INDEX presence_by_seen ON presence (seen_at);
