-- Versions of a published practice in other languages than the one it was written in (any
-- ISO 639-1 language), added by the secretariat. A section left empty shows the original's.
CREATE TABLE practice_translations (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    challenge TEXT NOT NULL,
    solution TEXT NOT NULL,
    results TEXT NOT NULL,
    innovation TEXT NOT NULL,
    sustainability TEXT NOT NULL,
    replicability TEXT NOT NULL,
    PRIMARY KEY (practice_id, language)
);
