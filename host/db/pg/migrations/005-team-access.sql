-- Per-spec roles of the team server (issue 15 FR-4): who owns a spec and who is invited to it.
-- Workspace roles live with the accounts (004); the access table (core/team/access-table.ts)
-- combines both. Accounts are referred to by id text and invitations by email, without foreign
-- keys to the accounts tables: a reviewer may be invited before their account exists, and the
-- membership applies to whichever account signs in with that address.

-- The author who created the spec. A spec without a row (imported by the CLI, say) has no owner:
-- only admins change it.
CREATE TABLE spec_owners (
  spec_id INTEGER PRIMARY KEY REFERENCES specs (id) ON DELETE CASCADE,
  account_id TEXT NOT NULL CHECK (length(account_id) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL
);
CREATE INDEX spec_owners_by_account ON spec_owners (account_id);

-- People invited to a spec by its owner (reviewers.add), by lower-cased email.
CREATE TABLE spec_members (
  spec_id INTEGER NOT NULL REFERENCES specs (id) ON DELETE CASCADE,
  email TEXT NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  role TEXT NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer')),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (spec_id, email)
);
CREATE INDEX spec_members_by_email ON spec_members (email);
