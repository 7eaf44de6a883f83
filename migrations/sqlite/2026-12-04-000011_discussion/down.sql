DROP TABLE discussion_reads;
DROP TABLE entry_comments;
