-- A document's bytes live in the database beside its row: every portal process reads them,
-- one backup holds them, and a document commits or rolls back with its entry. Documents of
-- portals from before keep the name of their file in the uploads folder (stored_name) until
-- the portal takes the file in at start; stored_name is empty from then on.
CREATE TABLE document_contents (
    document_id INTEGER PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    content BYTEA NOT NULL
);
