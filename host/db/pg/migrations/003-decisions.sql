-- PostgreSQL translation of SQLite migration 006-decisions: decisions, Architectural Decision
-- Records, meetings, the spec lifecycle and "spec required?" answers (issue 14). Same tables,
-- columns and constraints; ids are SERIAL (32-bit, returned as numbers), timestamps ISO text and
-- JSON columns text, so both dialects return identical values.
-- Nothing here is deleted by an edit: an ADR edit adds a revision, a re-recorded decision
-- replaces the old one by reference, a status change is a row in adr_status_changes, and
-- deleting an ADR or a decision is an explicit `deleted_at` that undo clears.

-- One ADR log (a folder the team keeps); numbers are sequential per log. New numbers are taken
-- under a row lock on the log (SELECT … FOR UPDATE), so two servers never hand out the same one.
CREATE TABLE adr_logs (
  id SERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  dir TEXT,                              -- the folder it was imported from or last exported to
  format TEXT NOT NULL CHECK (format IN ('madr', 'nygard', 'log4brains', 'plain')),
  created_at TEXT NOT NULL
);

-- Review meetings: one per review round of a spec; `round` counts meetings per spec.
CREATE TABLE meetings (
  id SERIAL PRIMARY KEY,
  spec_id INTEGER REFERENCES specs (id) ON DELETE SET NULL,
  spec_version INTEGER,
  round INTEGER NOT NULL CHECK (round >= 1),
  title TEXT NOT NULL,
  scheduled_at TEXT,
  duration_minutes INTEGER NOT NULL DEFAULT 30 CHECK (duration_minutes BETWEEN 1 AND 480),
  people TEXT NOT NULL DEFAULT '[]',     -- JSON array of names present
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX meetings_by_spec ON meetings (spec_id, round);

-- What the meeting goes through. `source_kind` names the provider (thread, verdict, finding,
-- criterion, manual, carried); `source_ref` is that provider's id for the item.
CREATE TABLE agenda_items (
  id SERIAL PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source_kind TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  requirement_ids TEXT NOT NULL DEFAULT '[]',
  minutes INTEGER NOT NULL DEFAULT 5 CHECK (minutes >= 0),
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'decided', 'deferred')),
  carried_from INTEGER REFERENCES agenda_items (id),
  created_at TEXT NOT NULL
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);

CREATE TABLE adrs (
  id SERIAL PRIMARY KEY,
  log_id INTEGER NOT NULL REFERENCES adr_logs (id),
  number INTEGER,                        -- not unique: an imported log may use a number twice; both are kept
  file_name TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  date TEXT,
  text TEXT NOT NULL,                    -- the record's exact bytes as last written
  spec_id INTEGER REFERENCES specs (id) ON DELETE SET NULL,
  spec_version INTEGER,
  requirement_ids TEXT NOT NULL DEFAULT '[]',
  meeting_id INTEGER REFERENCES meetings (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,                       -- explicit deletion; undo sets it back to NULL
  UNIQUE (log_id, file_name)
);
CREATE INDEX adrs_by_log ON adrs (log_id, number);

-- Every text an ADR has had, oldest first; rows are never changed.
CREATE TABLE adr_revisions (
  id SERIAL PRIMARY KEY,
  adr_id INTEGER NOT NULL REFERENCES adrs (id),
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX adr_revisions_by_adr ON adr_revisions (adr_id, id);
CREATE FUNCTION specbench_adr_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ADR revisions are immutable';
END $$;
CREATE TRIGGER adr_revisions_immutable BEFORE UPDATE ON adr_revisions FOR EACH ROW EXECUTE FUNCTION specbench_adr_revisions_immutable();

CREATE TABLE adr_status_changes (
  id SERIAL PRIMARY KEY,
  adr_id INTEGER NOT NULL REFERENCES adrs (id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX adr_status_changes_by_adr ON adr_status_changes (adr_id, id);

CREATE TABLE decisions (
  id SERIAL PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'deferred')),
  rationale TEXT NOT NULL,
  alternatives TEXT NOT NULL DEFAULT '[]', -- JSON [{ option, whyRejected }]
  people TEXT NOT NULL DEFAULT '[]',
  adr_id INTEGER REFERENCES adrs (id),
  replaced_by INTEGER REFERENCES decisions (id), -- a re-recorded decision keeps the old one
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX decisions_by_meeting ON decisions (meeting_id, agenda_item_id);

-- Decisions and ADRs go only by an explicit deletion first (deleted_at), never by an edit.
CREATE FUNCTION specbench_delete_explicitly() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are deleted explicitly (deleted_at) before they can be purged', TG_TABLE_NAME;
END $$;
CREATE TRIGGER adrs_delete_explicitly BEFORE DELETE ON adrs FOR EACH ROW WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION specbench_delete_explicitly();
CREATE TRIGGER decisions_delete_explicitly BEFORE DELETE ON decisions FOR EACH ROW WHEN (OLD.deleted_at IS NULL) EXECUTE FUNCTION specbench_delete_explicitly();

-- Draft → In review → Approved → Implementation started → Done, each with who and when.
-- `source` is 'manual' or 'detected' (git); for implementation start a manual row always wins.
CREATE TABLE spec_transitions (
  id SERIAL PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'implementation-started', 'done')),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'detected')),
  detail TEXT,                           -- e.g. the commit that was detected
  recorded_at TEXT NOT NULL
);
CREATE INDEX spec_transitions_by_spec ON spec_transitions (spec_id, at);

-- Answers to the "spec required?" framework, newest last per spec (or for no spec yet).
CREATE TABLE spec_required_answers (
  id SERIAL PRIMARY KEY,
  spec_id INTEGER REFERENCES specs (id) ON DELETE CASCADE,
  answers TEXT NOT NULL,                 -- JSON object of question id → boolean / number
  recommendation TEXT NOT NULL CHECK (recommendation IN ('spec', 'no-spec')),
  reasons TEXT NOT NULL,                 -- JSON array of strings
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX spec_required_by_spec ON spec_required_answers (spec_id, id);
