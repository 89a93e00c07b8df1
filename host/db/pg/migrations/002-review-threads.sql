-- PostgreSQL schema of asynchronous review (issue 13): the tables of SQLite migration 005, column
-- for column — people, the local profile, reviewers per spec, rounds, pending and submitted reviews,
-- anchored threads, comments with tombstones and body history, and the audit trail. Ids of review
-- rows are UUID text as on SQLite (packages merge by them); specs keep their SERIAL ids from 001.
-- Timestamps are ISO-8601 text and whole_requirement stays 0/1 so both dialects return identical rows.
--
-- One difference: references to people(id) cascade on update. On the team server the acting person
-- is the signed-in account (people.id = account id); a person first added as a reviewer by email
-- gets a random id, and when that account first acts, the row is re-keyed to the account id and
-- everything already attributed to it follows (host/store/pg/review-repository.ts).
--
-- review_rounds is created before reviews (PostgreSQL checks a reference when it is declared).

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One person per address: a package from another machine naming the same email is the same person.
CREATE UNIQUE INDEX people_by_email ON people (lower(email));

-- The acting person when no account is given (the contract's setProfile on a store without sign-in).
CREATE TABLE local_profile (
  slot INTEGER PRIMARY KEY CHECK (slot = 1),
  person_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE
);

CREATE TABLE spec_reviewers (
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  added_by TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  added_at TEXT NOT NULL,
  PRIMARY KEY (spec_id, person_id)
);

CREATE TABLE review_rounds (
  id TEXT PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  version_hash TEXT NOT NULL CHECK (length(version_hash) = 64),
  version_number INTEGER,
  meeting_at TEXT,
  requested_by TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  requested_at TEXT NOT NULL
);
CREATE INDEX review_rounds_by_spec ON review_rounds (spec_id, requested_at);

CREATE TABLE review_round_reviewers (
  round_id TEXT NOT NULL REFERENCES review_rounds (id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  PRIMARY KEY (round_id, person_id)
);

-- A review by one reviewer: pending while they write comments, then submitted once with a
-- verdict tied to the exact version reviewed (content hash, plus its number).
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  round_id TEXT REFERENCES review_rounds (id) ON DELETE SET NULL,
  reviewer_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'submitted')),
  verdict TEXT CHECK (verdict IN ('approve', 'request-changes', 'comment')),
  body TEXT NOT NULL DEFAULT '',
  version_hash TEXT CHECK (version_hash IS NULL OR length(version_hash) = 64),
  version_number INTEGER,
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  CHECK ((state = 'pending') = (verdict IS NULL)),
  CHECK (state = 'pending' OR (version_hash IS NOT NULL AND submitted_at IS NOT NULL))
);
-- At most one pending review per reviewer and spec.
CREATE UNIQUE INDEX reviews_one_pending ON reviews (spec_id, reviewer_id) WHERE state = 'pending';
CREATE INDEX reviews_by_spec ON reviews (spec_id, submitted_at);

-- A thread is anchored by its original selector (never changed: shown when outdated) and by
-- its current placement, re-anchored against each new head version (anchor_hash).
CREATE TABLE review_threads (
  id TEXT PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('comment', 'suggestion')),
  severity TEXT NOT NULL CHECK (severity IN ('blocking', 'non-blocking', 'question')),
  version_hash TEXT NOT NULL CHECK (length(version_hash) = 64),
  version_number INTEGER,
  requirement_id TEXT,
  quote_exact TEXT NOT NULL CHECK (length(quote_exact) > 0),
  quote_prefix TEXT NOT NULL,
  quote_suffix TEXT NOT NULL,
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end > position_start),
  whole_requirement INTEGER NOT NULL DEFAULT 0 CHECK (whole_requirement IN (0, 1)),
  anchor_hash TEXT NOT NULL,
  anchor_status TEXT NOT NULL CHECK (anchor_status IN ('attached', 'outdated')),
  anchor_method TEXT,
  anchor_requirement_id TEXT,
  anchor_exact TEXT NOT NULL,
  anchor_prefix TEXT NOT NULL,
  anchor_suffix TEXT NOT NULL,
  anchor_start INTEGER NOT NULL,
  anchor_end INTEGER NOT NULL,
  suggestion_text TEXT,
  suggestion_state TEXT CHECK (suggestion_state IN ('open', 'accepted', 'rejected')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  status_by TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  status_at TEXT NOT NULL,
  review_id TEXT REFERENCES reviews (id) ON DELETE SET NULL,
  finding_id TEXT,
  created_by TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'suggestion') = (suggestion_text IS NOT NULL AND suggestion_state IS NOT NULL))
);
CREATE INDEX review_threads_by_spec ON review_threads (spec_id, created_at);

-- Comments keep a tombstone when deleted; body_history (JSON array text) lists the hashes of every
-- body this comment had, so an import tells a later edit from a concurrent one.
CREATE TABLE review_comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES review_threads (id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  body TEXT NOT NULL,
  body_history TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  edited_at TEXT,
  deleted_at TEXT,
  deleted_by TEXT REFERENCES people (id) ON UPDATE CASCADE,
  deletion_changed_at TEXT,
  conflict_of TEXT REFERENCES review_comments (id)
);
CREATE INDEX review_comments_by_thread ON review_comments (thread_id, created_at);

-- Every action, who did it and when.
CREATE TABLE review_events (
  id TEXT PRIMARY KEY,
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  thread_id TEXT,
  actor_id TEXT NOT NULL REFERENCES people (id) ON UPDATE CASCADE,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  at TEXT NOT NULL
);
CREATE INDEX review_events_by_spec ON review_events (spec_id, at);
