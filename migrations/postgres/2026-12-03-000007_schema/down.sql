DROP TABLE deliberations, review_history, review_scores, reviews, assignments,
    declared_conflicts, juror_topics, jurors, criteria, audit_log, documents, screening_checks,
    entry_partners, entry_integrations, entry_elements, entry_topics, outbox, login_failures,
    password_resets, memberships, practice_integrations, practice_elements, practice_topics,
    practice_partners, practices, entries, competitions, users, organisations, catalog_state;
DROP FUNCTION bump_catalog_version();
