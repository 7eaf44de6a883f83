-- A juror may write a comment meant for the institution, shown on its entry without the
-- juror's name or scores once the secretariat releases the competition's feedback.
ALTER TABLE reviews ADD COLUMN institution_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE competitions ADD COLUMN feedback_released_at TIMESTAMP;
