-- The language an account reads the portal in, chosen at registration: its e-mails are
-- written in it.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
