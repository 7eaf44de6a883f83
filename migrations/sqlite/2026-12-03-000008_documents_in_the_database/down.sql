DROP TABLE document_contents;
