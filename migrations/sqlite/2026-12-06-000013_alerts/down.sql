ALTER TABLE outbox DROP COLUMN unsubscribe_url;
DROP TABLE alerts;
