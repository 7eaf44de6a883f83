-- The public practice database: institutions, practices, their classification and the
-- full-text index. Closed vocabularies are stored as slugs; src/taxonomy.rs owns them.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX organisations_name ON organisations (name);

CREATE TABLE practices (
    id INTEGER PRIMARY KEY NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    challenge TEXT NOT NULL,
    solution TEXT NOT NULL,
    results TEXT NOT NULL,
    innovation TEXT NOT NULL,
    sustainability TEXT NOT NULL,
    replicability TEXT NOT NULL,
    language TEXT NOT NULL,
    implementation_year INTEGER NOT NULL,
    status TEXT NOT NULL,
    award TEXT,
    innovation_distinction BOOLEAN NOT NULL DEFAULT 0,
    competition_year INTEGER,
    impact_area TEXT NOT NULL,
    approach TEXT NOT NULL,
    innovation_type TEXT NOT NULL,
    governance_level TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    published_at TIMESTAMP
);
CREATE INDEX practices_organisation ON practices (organisation_id);
CREATE INDEX practices_status_published ON practices (status, published_at);

-- Joint submissions: the other institutions behind a transnational practice.
CREATE TABLE practice_partners (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (practice_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX practice_partners_organisation ON practice_partners (organisation_id);

CREATE TABLE practice_topics (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (practice_id, topic)
) WITHOUT ROWID;

CREATE TABLE practice_elements (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    element TEXT NOT NULL,
    PRIMARY KEY (practice_id, element)
) WITHOUT ROWID;

CREATE TABLE practice_integrations (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    integration TEXT NOT NULL,
    PRIMARY KEY (practice_id, integration)
) WITHOUT ROWID;

-- A counter that every change to the public catalogue bumps, so that each app process can
-- tell cheaply whether its in-memory facet index is stale.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_state (id, version) VALUES (1, 0);

CREATE TRIGGER organisations_catalog_au AFTER UPDATE ON organisations BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practices_catalog_ai AFTER INSERT ON practices BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practices_catalog_au AFTER UPDATE ON practices BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practices_catalog_ad AFTER DELETE ON practices BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_partners_catalog_ai AFTER INSERT ON practice_partners BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_partners_catalog_ad AFTER DELETE ON practice_partners BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_topics_catalog_ai AFTER INSERT ON practice_topics BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_topics_catalog_ad AFTER DELETE ON practice_topics BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_elements_catalog_ai AFTER INSERT ON practice_elements BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_elements_catalog_ad AFTER DELETE ON practice_elements BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_integrations_catalog_ai AFTER INSERT ON practice_integrations BEGIN
    UPDATE catalog_state SET version = version + 1;
END;
CREATE TRIGGER practice_integrations_catalog_ad AFTER DELETE ON practice_integrations BEGIN
    UPDATE catalog_state SET version = version + 1;
END;

-- Full-text search (English stemming, so "pension" finds "pensions"): an external-content FTS5 index over a view that joins each practice to
-- its institution's name, so the text is stored once. Triggers keep it in step; the 'delete'
-- rows must carry the old values, which the BEFORE triggers read through the same view.
CREATE VIEW practice_search_documents AS
SELECT
    p.id AS id,
    p.title AS title,
    p.summary AS summary,
    p.challenge || ' ' || p.solution || ' ' || p.results || ' ' || p.innovation || ' '
        || p.sustainability || ' ' || p.replicability AS body,
    o.name AS organisation
FROM practices p
JOIN organisations o ON o.id = p.organisation_id;

CREATE VIRTUAL TABLE practices_fts USING fts5 (
    title, summary, body, organisation,
    content = 'practice_search_documents',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER practices_fts_ai AFTER INSERT ON practices BEGIN
    INSERT INTO practices_fts (rowid, title, summary, body, organisation)
    SELECT id, title, summary, body, organisation FROM practice_search_documents WHERE id = new.id;
END;
CREATE TRIGGER practices_fts_bd BEFORE DELETE ON practices BEGIN
    INSERT INTO practices_fts (practices_fts, rowid, title, summary, body, organisation)
    SELECT 'delete', id, title, summary, body, organisation
    FROM practice_search_documents WHERE id = old.id;
END;
CREATE TRIGGER practices_fts_bu BEFORE UPDATE OF
    title, summary, challenge, solution, results, innovation, sustainability, replicability,
    organisation_id
ON practices BEGIN
    INSERT INTO practices_fts (practices_fts, rowid, title, summary, body, organisation)
    SELECT 'delete', id, title, summary, body, organisation
    FROM practice_search_documents WHERE id = old.id;
END;
CREATE TRIGGER practices_fts_au AFTER UPDATE OF
    title, summary, challenge, solution, results, innovation, sustainability, replicability,
    organisation_id
ON practices BEGIN
    INSERT INTO practices_fts (rowid, title, summary, body, organisation)
    SELECT id, title, summary, body, organisation FROM practice_search_documents WHERE id = new.id;
END;
CREATE TRIGGER organisations_fts_bu BEFORE UPDATE OF name ON organisations BEGIN
    INSERT INTO practices_fts (practices_fts, rowid, title, summary, body, organisation)
    SELECT 'delete', id, title, summary, body, organisation
    FROM practice_search_documents WHERE id IN
        (SELECT id FROM practices WHERE organisation_id = old.id);
END;
CREATE TRIGGER organisations_fts_au AFTER UPDATE OF name ON organisations BEGIN
    INSERT INTO practices_fts (rowid, title, summary, body, organisation)
    SELECT id, title, summary, body, organisation FROM practice_search_documents WHERE id IN
        (SELECT id FROM practices WHERE organisation_id = new.id);
END;
