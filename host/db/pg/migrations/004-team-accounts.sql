-- Team accounts (issue 15 FR-3): accounts, one-time invitations, server-side sessions, sign-in
-- attempts (rate limits) and magic-link tokens. Secrets are never stored: invitation, session and
-- magic-link tokens are kept as their SHA-256 hex digest, passwords as a self-describing scrypt hash.
-- Times are TIMESTAMPTZ written by the host from its clock (never now() in SQL), so one injected
-- clock drives expiry in tests and production alike.

CREATE TABLE accounts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role TEXT NOT NULL CHECK (role IN ('admin', 'author', 'reviewer', 'productops')),
  password_hash TEXT,                  -- NULL until the invitee sets one
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE
);
-- One account per address whatever its case: Ada@x.org and ada@x.org are one person.
CREATE UNIQUE INDEX accounts_email_ci ON accounts (lower(email));

CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,     -- created_at + 7 days unless the host says otherwise
  used_at TIMESTAMPTZ,
  replaced_at TIMESTAMPTZ              -- a newer invitation for the same account superseded it
);
CREATE INDEX invitations_open_by_account ON invitations (account_id) WHERE used_at IS NULL AND replaced_at IS NULL;

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY CHECK (length(id_hash) = 64),
  account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  idle_expires_at TIMESTAMPTZ NOT NULL,     -- moves with last_seen_at
  absolute_expires_at TIMESTAMPTZ NOT NULL, -- never moves
  ended_at TIMESTAMPTZ                      -- signed out (or the account was disabled)
);
CREATE INDEX sessions_live_by_account ON sessions (account_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_by_expiry ON sessions (absolute_expires_at);

-- Failed and successful password sign-ins. The address typed is kept only as a SHA-256 of its
-- lower-case form, so the limit applies to unknown addresses too (an answer that differed would
-- reveal which addresses have accounts) without storing what strangers typed.
CREATE TABLE sign_in_attempts (
  id BIGSERIAL PRIMARY KEY,
  email_key TEXT NOT NULL,
  client_address TEXT NOT NULL,
  succeeded BOOLEAN NOT NULL,
  at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_by_email ON sign_in_attempts (email_key, at) WHERE NOT succeeded;
CREATE INDEX sign_in_failures_by_client ON sign_in_attempts (client_address, at) WHERE NOT succeeded;
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);

CREATE TABLE magic_link_tokens (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,     -- created_at + 15 minutes
  used_at TIMESTAMPTZ                  -- also set when a newer link for the account replaces it
);
CREATE INDEX magic_link_tokens_by_account ON magic_link_tokens (account_id, created_at);

-- Every magic-link request, known address or not (same hashed key as sign_in_attempts), for the
-- per-address limit: counting only registered addresses would answer differently for strangers.
CREATE TABLE magic_link_requests (
  id BIGSERIAL PRIMARY KEY,
  email_key TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL
);
CREATE INDEX magic_link_requests_by_email ON magic_link_requests (email_key, at);
