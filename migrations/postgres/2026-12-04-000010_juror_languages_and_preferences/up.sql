-- The languages a juror can judge an entry in: automatic assignment gives them no entry in
-- another language, and a manual one asks the secretariat for a reason.
CREATE TABLE juror_languages (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (user_id, language)
);

-- What a juror would like to judge, said before the assignment: "eager", "willing" or
-- "rather-not". Automatic assignment honours it after conflicts, languages and balance.
CREATE TABLE juror_preferences (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    preference TEXT NOT NULL,
    PRIMARY KEY (entry_id, user_id)
);
CREATE INDEX juror_preferences_user ON juror_preferences (user_id);
