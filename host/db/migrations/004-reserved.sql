-- Placeholder for migration 004, which issue 12 owns. Migrations must be numbered without gaps,
-- so this branch (issue 13, migration 005) needs a 004 to run on its own. When merging, DELETE
-- this file and keep issue 12's 004; it creates nothing, so no data depends on it.
SELECT 1;
