-- The embedded EmailService: every "sent" email lands here instead of an SMTP server.
CREATE TABLE email_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  html_body TEXT NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL
);

-- No index on to_address: a dev outbox is small, and an index would make every "sent" email
-- cost more than the write an unknown address does instead (NFR-3).
