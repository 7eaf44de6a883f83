-- The jury's discussion of an entry: its jurors (once they have submitted their own review),
-- the chair and the secretariat; never the institution, never a conflicted juror.
CREATE TABLE entry_comments (
    id INTEGER PRIMARY KEY NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    written_at TIMESTAMP NOT NULL
);
CREATE INDEX entry_comments_entry ON entry_comments (entry_id, id);

-- How far each person has read an entry's discussion (the last comment seen), so that their
-- list can flag what is new.
CREATE TABLE discussion_reads (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_read INTEGER NOT NULL,
    PRIMARY KEY (entry_id, user_id)
);
