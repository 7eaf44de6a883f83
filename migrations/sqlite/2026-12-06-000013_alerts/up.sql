-- Searches of the public database followed by e-mail, by anyone, without an account. An alert
-- works once its address confirmed it (double opt-in); the token of its links is its only key:
-- whoever holds it (the owner of the address) may confirm or end it.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    -- The language it was asked for in; its e-mails are written in it.
    language TEXT NOT NULL,
    -- The search and filters of /practices, as the query string of the list.
    query TEXT NOT NULL,
    token TEXT NOT NULL,
    -- When the confirmation link was last sent (it is sent again at most every few minutes).
    asked_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    -- Practices published up to this time were looked at for the follower; the next digest
    -- tells of those published after it. It moves in the transaction that queues a digest,
    -- so no practice is told twice, whatever restarts or how many portal processes look.
    covered_until TIMESTAMP
);
CREATE UNIQUE INDEX alerts_token ON alerts (token);
CREATE UNIQUE INDEX alerts_email_query ON alerts (email, query);
CREATE INDEX alerts_covered_until ON alerts (covered_until);

-- The address that ends what a message belongs to in one click (RFC 8058), for the
-- List-Unsubscribe headers: set on the digests of alerts.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
