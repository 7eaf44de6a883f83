// The diesel view of migrations/, column for column in their order; tests/migrations.rs
// fails when the two drift apart.

diesel::table! {
    organisations (id) {
        id -> Integer,
        name -> Text,
        country -> Text,
        region -> Text,
        kind -> Text,
        created_at -> Timestamp,
        approved -> Bool,
    }
}

diesel::table! {
    practices (id) {
        id -> Integer,
        organisation_id -> Integer,
        title -> Text,
        summary -> Text,
        challenge -> Text,
        solution -> Text,
        results -> Text,
        innovation -> Text,
        sustainability -> Text,
        replicability -> Text,
        language -> Text,
        implementation_year -> Integer,
        status -> Text,
        award -> Nullable<Text>,
        innovation_distinction -> Bool,
        competition_year -> Nullable<Integer>,
        impact_area -> Text,
        approach -> Text,
        innovation_type -> Text,
        governance_level -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        entry_id -> Nullable<Integer>,
    }
}

diesel::table! {
    practice_partners (practice_id, organisation_id) {
        practice_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    practice_topics (practice_id, topic) {
        practice_id -> Integer,
        topic -> Text,
    }
}

diesel::table! {
    practice_elements (practice_id, element) {
        practice_id -> Integer,
        element -> Text,
    }
}

diesel::table! {
    practice_integrations (practice_id, integration) {
        practice_id -> Integer,
        integration -> Text,
    }
}

diesel::table! {
    catalog_state (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        role -> Text,
        session_epoch -> Integer,
        created_at -> Timestamp,
        language -> Text,
    }
}

diesel::table! {
    memberships (id) {
        id -> Integer,
        user_id -> Integer,
        organisation_id -> Integer,
        status -> Text,
        requested_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Integer>,
        decision_note -> Text,
    }
}

diesel::table! {
    password_resets (token_hash) {
        token_hash -> Text,
        user_id -> Integer,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Integer,
        email -> Text,
        address -> Text,
        failed_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        recipient -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        next_attempt_at -> Nullable<Timestamp>,
        unsubscribe_url -> Nullable<Text>,
    }
}

diesel::table! {
    entry_translations (entry_id, language) {
        entry_id -> Integer,
        language -> Text,
        title -> Text,
        summary -> Text,
        challenge -> Text,
        solution -> Text,
        results -> Text,
        innovation -> Text,
        sustainability -> Text,
        replicability -> Text,
    }
}

diesel::table! {
    practice_translations (practice_id, language) {
        practice_id -> Integer,
        language -> Text,
        title -> Text,
        summary -> Text,
        challenge -> Text,
        solution -> Text,
        results -> Text,
        innovation -> Text,
        sustainability -> Text,
        replicability -> Text,
    }
}

diesel::table! {
    alerts (id) {
        id -> Integer,
        email -> Text,
        language -> Text,
        query -> Text,
        token -> Text,
        asked_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        covered_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    competitions (id) {
        id -> Integer,
        region -> Text,
        cycle_year -> Integer,
        title -> Text,
        phase -> Text,
        opens_at -> Timestamp,
        submission_deadline -> Timestamp,
        created_at -> Timestamp,
        call_text -> Text,
        review_deadline -> Nullable<Timestamp>,
        results_at -> Nullable<Timestamp>,
        scale_min -> Integer,
        scale_max -> Integer,
        jurors_per_entry -> Integer,
        blind -> Bool,
        country_conflicts -> Bool,
        feedback_released_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    entries (id) {
        id -> Integer,
        competition_id -> Integer,
        organisation_id -> Integer,
        created_by -> Integer,
        status -> Text,
        title -> Text,
        summary -> Text,
        challenge -> Text,
        solution -> Text,
        results -> Text,
        innovation -> Text,
        sustainability -> Text,
        replicability -> Text,
        language -> Nullable<Text>,
        implementation_year -> Nullable<Integer>,
        impact_area -> Nullable<Text>,
        approach -> Nullable<Text>,
        innovation_type -> Nullable<Text>,
        governance_level -> Nullable<Text>,
        endorser_name -> Text,
        endorser_position -> Text,
        endorsement_confirmed -> Bool,
        screening_note -> Text,
        returned_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        screening_draft -> Text,
    }
}

diesel::table! {
    entry_topics (entry_id, topic) {
        entry_id -> Integer,
        topic -> Text,
    }
}

diesel::table! {
    entry_elements (entry_id, element) {
        entry_id -> Integer,
        element -> Text,
    }
}

diesel::table! {
    entry_integrations (entry_id, integration) {
        entry_id -> Integer,
        integration -> Text,
    }
}

diesel::table! {
    entry_partners (entry_id, organisation_id) {
        entry_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    screening_checks (entry_id, item) {
        entry_id -> Integer,
        item -> Text,
    }
}

diesel::table! {
    document_contents (document_id) {
        document_id -> Integer,
        content -> Binary,
    }
}

diesel::table! {
    documents (id) {
        id -> Integer,
        entry_id -> Integer,
        original_name -> Text,
        stored_name -> Text,
        media_type -> Text,
        size_bytes -> BigInt,
        uploaded_by -> Integer,
        uploaded_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        actor_id -> Nullable<Integer>,
        at -> Timestamp,
        subject -> Text,
        subject_id -> Integer,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Nullable<Text>,
        note -> Text,
    }
}

diesel::table! {
    criteria (id) {
        id -> Integer,
        competition_id -> Integer,
        name -> Text,
        description -> Text,
        weight -> Double,
        position -> Integer,
    }
}

diesel::table! {
    jurors (competition_id, user_id) {
        competition_id -> Integer,
        user_id -> Integer,
        is_chair -> Bool,
    }
}

diesel::table! {
    juror_topics (competition_id, user_id, topic) {
        competition_id -> Integer,
        user_id -> Integer,
        topic -> Text,
    }
}

diesel::table! {
    juror_languages (user_id, language) {
        user_id -> Integer,
        language -> Text,
    }
}

diesel::table! {
    juror_preferences (entry_id, user_id) {
        entry_id -> Integer,
        user_id -> Integer,
        preference -> Text,
    }
}

diesel::table! {
    entry_comments (id) {
        id -> Integer,
        entry_id -> Integer,
        user_id -> Integer,
        body -> Text,
        written_at -> Timestamp,
    }
}

diesel::table! {
    discussion_reads (entry_id, user_id) {
        entry_id -> Integer,
        user_id -> Integer,
        last_read -> Integer,
    }
}

diesel::table! {
    declared_conflicts (entry_id, user_id) {
        entry_id -> Integer,
        user_id -> Integer,
        reason -> Text,
        declared_at -> Timestamp,
    }
}

diesel::table! {
    assignments (entry_id, user_id) {
        entry_id -> Integer,
        user_id -> Integer,
        assigned_at -> Timestamp,
    }
}

diesel::table! {
    reviews (id) {
        id -> Integer,
        entry_id -> Integer,
        user_id -> Integer,
        status -> Text,
        overall_comment -> Text,
        cannot_judge -> Bool,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        institution_comment -> Text,
    }
}

diesel::table! {
    review_scores (review_id, criterion_id) {
        review_id -> Integer,
        criterion_id -> Integer,
        score -> Nullable<Integer>,
        comment -> Text,
    }
}

diesel::table! {
    review_history (id) {
        id -> Integer,
        review_id -> Integer,
        saved_at -> Timestamp,
        status -> Text,
        summary -> Text,
    }
}

diesel::table! {
    deliberations (entry_id) {
        entry_id -> Integer,
        note -> Text,
        award -> Nullable<Text>,
        innovation_distinction -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(practices -> organisations (organisation_id));
diesel::joinable!(practice_partners -> practices (practice_id));
diesel::joinable!(practice_partners -> organisations (organisation_id));
diesel::joinable!(practice_topics -> practices (practice_id));
diesel::joinable!(practice_translations -> practices (practice_id));
diesel::joinable!(entry_translations -> entries (entry_id));
diesel::joinable!(practice_elements -> practices (practice_id));
diesel::joinable!(practice_integrations -> practices (practice_id));
diesel::joinable!(memberships -> organisations (organisation_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(entries -> competitions (competition_id));
diesel::joinable!(entries -> organisations (organisation_id));
diesel::joinable!(entries -> users (created_by));
diesel::joinable!(entry_topics -> entries (entry_id));
diesel::joinable!(entry_elements -> entries (entry_id));
diesel::joinable!(entry_integrations -> entries (entry_id));
diesel::joinable!(entry_partners -> entries (entry_id));
diesel::joinable!(entry_partners -> organisations (organisation_id));
diesel::joinable!(document_contents -> documents (document_id));
diesel::joinable!(documents -> entries (entry_id));
diesel::joinable!(criteria -> competitions (competition_id));
diesel::joinable!(jurors -> competitions (competition_id));
diesel::joinable!(jurors -> users (user_id));
diesel::joinable!(assignments -> entries (entry_id));
diesel::joinable!(assignments -> users (user_id));
diesel::joinable!(juror_languages -> users (user_id));
diesel::joinable!(juror_preferences -> entries (entry_id));
diesel::joinable!(juror_preferences -> users (user_id));
diesel::joinable!(entry_comments -> entries (entry_id));
diesel::joinable!(entry_comments -> users (user_id));
diesel::joinable!(discussion_reads -> entries (entry_id));
diesel::joinable!(discussion_reads -> users (user_id));
diesel::joinable!(declared_conflicts -> entries (entry_id));
diesel::joinable!(reviews -> entries (entry_id));
diesel::joinable!(reviews -> users (user_id));
diesel::joinable!(review_scores -> reviews (review_id));
diesel::joinable!(review_scores -> criteria (criterion_id));
diesel::joinable!(review_history -> reviews (review_id));
diesel::joinable!(deliberations -> entries (entry_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    practices,
    practice_partners,
    practice_topics,
    practice_elements,
    practice_integrations,
    practice_translations,
    catalog_state,
    users,
    memberships,
    password_resets,
    login_failures,
    outbox,
    alerts,
    competitions,
    entries,
    entry_topics,
    entry_elements,
    entry_integrations,
    entry_partners,
    entry_translations,
    screening_checks,
    document_contents,
    documents,
    audit_log,
    criteria,
    jurors,
    juror_topics,
    juror_languages,
    juror_preferences,
    entry_comments,
    discussion_reads,
    declared_conflicts,
    assignments,
    reviews,
    review_scores,
    review_history,
    deliberations,
);
