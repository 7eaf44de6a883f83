ALTER TABLE competitions DROP COLUMN feedback_released_at;
ALTER TABLE reviews DROP COLUMN institution_comment;
