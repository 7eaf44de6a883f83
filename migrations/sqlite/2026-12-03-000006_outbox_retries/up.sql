-- A message that failed is tried again after a delay that doubles each time; NULL: at once.
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP;
