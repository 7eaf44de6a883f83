DROP TABLE entry_translations;
