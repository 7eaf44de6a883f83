ALTER TABLE entries DROP COLUMN screening_draft;
