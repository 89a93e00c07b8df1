-- One row per accepted /auth/magic-link/request, for every normalised address, registered or not,
-- so that the rate limit cannot tell the two apart.
CREATE TABLE magic_link_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX magic_link_requests_email_requested_at_idx ON magic_link_requests (email, requested_at);
