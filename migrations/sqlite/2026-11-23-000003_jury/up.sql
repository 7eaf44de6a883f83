-- The jury: competition settings, criteria, jurors and their conflicts, assignments, reviews
-- with their history, and the deliberation of awards.

ALTER TABLE competitions ADD COLUMN call_text TEXT NOT NULL DEFAULT '';
ALTER TABLE competitions ADD COLUMN review_deadline TIMESTAMP;
ALTER TABLE competitions ADD COLUMN results_at TIMESTAMP;
ALTER TABLE competitions ADD COLUMN scale_min INTEGER NOT NULL DEFAULT 1;
ALTER TABLE competitions ADD COLUMN scale_max INTEGER NOT NULL DEFAULT 10;
ALTER TABLE competitions ADD COLUMN jurors_per_entry INTEGER NOT NULL DEFAULT 3;
-- Hide the institution and country of entries from jurors.
ALTER TABLE competitions ADD COLUMN blind BOOLEAN NOT NULL DEFAULT 0;
-- A juror is also conflicted with every entry from their own country.
ALTER TABLE competitions ADD COLUMN country_conflicts BOOLEAN NOT NULL DEFAULT 0;

CREATE TABLE criteria (
    id INTEGER PRIMARY KEY NOT NULL,
    competition_id INTEGER NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    weight DOUBLE NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX criteria_competition ON criteria (competition_id, position);

CREATE TABLE jurors (
    competition_id INTEGER NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    is_chair BOOLEAN NOT NULL DEFAULT 0,
    PRIMARY KEY (competition_id, user_id)
) WITHOUT ROWID;

CREATE TABLE juror_topics (
    competition_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    topic TEXT NOT NULL,
    PRIMARY KEY (competition_id, user_id, topic),
    FOREIGN KEY (competition_id, user_id) REFERENCES jurors (competition_id, user_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE declared_conflicts (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    declared_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (entry_id, user_id)
) WITHOUT ROWID;

CREATE TABLE assignments (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    assigned_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (entry_id, user_id)
) WITHOUT ROWID;
CREATE INDEX assignments_user ON assignments (user_id);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    overall_comment TEXT NOT NULL DEFAULT '',
    cannot_judge BOOLEAN NOT NULL DEFAULT 0,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    submitted_at TIMESTAMP
);
CREATE UNIQUE INDEX reviews_entry_user ON reviews (entry_id, user_id);

CREATE TABLE review_scores (
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
    score INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, criterion_id)
) WITHOUT ROWID;

-- Every saved version of a review, as the juror saved it.
CREATE TABLE review_history (
    id INTEGER PRIMARY KEY NOT NULL,
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    saved_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    status TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX review_history_review ON review_history (review_id, id);

CREATE TABLE deliberations (
    entry_id INTEGER PRIMARY KEY NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    award TEXT,
    innovation_distinction BOOLEAN NOT NULL DEFAULT 0,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The entry a published practice comes from, so that a competition's results can list them.
ALTER TABLE practices ADD COLUMN entry_id INTEGER REFERENCES entries (id);
CREATE INDEX practices_entry ON practices (entry_id);
