-- The reason or comment the secretariat typed while screening, kept when it saves the
-- checklist without deciding; the institution reads only the note of the outcome.
ALTER TABLE entries ADD COLUMN screening_draft TEXT NOT NULL DEFAULT '';
