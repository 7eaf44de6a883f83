-- Accounts, institutions' members, competitions (as far as submissions need them), entries
-- with their documents and screening, the e-mail outbox and the audit log.

-- Institutions registered by submitters wait for the secretariat before they count.
ALTER TABLE organisations ADD COLUMN approved BOOLEAN NOT NULL DEFAULT 1;

CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    -- Stored lower-cased, so one address is one account.
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    -- Bumped when the password changes, which ends every other session of the account.
    session_epoch INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    decided_at TIMESTAMP,
    decided_by INTEGER REFERENCES users (id),
    decision_note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX memberships_user_organisation ON memberships (user_id, organisation_id);
CREATE INDEX memberships_status ON memberships (status);

CREATE TABLE password_resets (
    -- Only the SHA-256 of the token is kept; the token itself lives in the e-mail.
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_address ON login_failures (address, failed_at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    sent_at TIMESTAMP,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, id);

CREATE TABLE competitions (
    id INTEGER PRIMARY KEY NOT NULL,
    region TEXT NOT NULL,
    cycle_year INTEGER NOT NULL,
    title TEXT NOT NULL,
    phase TEXT NOT NULL,
    opens_at TIMESTAMP NOT NULL,
    submission_deadline TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX competitions_region_cycle ON competitions (region, cycle_year);

CREATE TABLE entries (
    id INTEGER PRIMARY KEY NOT NULL,
    competition_id INTEGER NOT NULL REFERENCES competitions (id),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    challenge TEXT NOT NULL DEFAULT '',
    solution TEXT NOT NULL DEFAULT '',
    results TEXT NOT NULL DEFAULT '',
    innovation TEXT NOT NULL DEFAULT '',
    sustainability TEXT NOT NULL DEFAULT '',
    replicability TEXT NOT NULL DEFAULT '',
    -- Empty until chosen: a draft may be saved with anything filled in.
    language TEXT,
    implementation_year INTEGER,
    impact_area TEXT,
    approach TEXT,
    innovation_type TEXT,
    governance_level TEXT,
    endorser_name TEXT NOT NULL DEFAULT '',
    endorser_position TEXT NOT NULL DEFAULT '',
    endorsement_confirmed BOOLEAN NOT NULL DEFAULT 0,
    -- The secretariat's reason or comment from screening, shown to the submitter.
    screening_note TEXT NOT NULL DEFAULT '',
    returned_at TIMESTAMP,
    submitted_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX entries_competition_organisation ON entries (competition_id, organisation_id);
CREATE INDEX entries_status ON entries (status);

CREATE TABLE entry_topics (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (entry_id, topic)
) WITHOUT ROWID;

CREATE TABLE entry_elements (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    element TEXT NOT NULL,
    PRIMARY KEY (entry_id, element)
) WITHOUT ROWID;

CREATE TABLE entry_integrations (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    integration TEXT NOT NULL,
    PRIMARY KEY (entry_id, integration)
) WITHOUT ROWID;

CREATE TABLE entry_partners (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (entry_id, organisation_id)
) WITHOUT ROWID;

CREATE TABLE screening_checks (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    PRIMARY KEY (entry_id, item)
) WITHOUT ROWID;

CREATE TABLE documents (
    id INTEGER PRIMARY KEY NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    original_name TEXT NOT NULL,
    -- Generated; the file lives under the uploads directory, outside the web root.
    stored_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users (id),
    uploaded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX documents_entry ON documents (entry_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_subject ON audit_log (subject, subject_id, id);
