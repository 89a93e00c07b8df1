-- The embedded EmailService: every "sent" email lands here instead of an SMTP server.
CREATE TABLE email_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  html_body TEXT NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX email_outbox_to_address_idx ON email_outbox (to_address, id);
