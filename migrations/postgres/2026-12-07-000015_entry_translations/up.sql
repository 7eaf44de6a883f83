-- Versions of an entry in other languages than the one it is written in (any ISO 639-1
-- language), added by the institution before the results are published; publishing the
-- entry as a practice makes them the practice's versions.
CREATE TABLE entry_translations (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    challenge TEXT NOT NULL,
    solution TEXT NOT NULL,
    results TEXT NOT NULL,
    innovation TEXT NOT NULL,
    sustainability TEXT NOT NULL,
    replicability TEXT NOT NULL,
    PRIMARY KEY (entry_id, language)
);
