// The diesel view of migrations/; keep it in step with them (see tests/migrations.rs).

diesel::table! {
    organisations (id) {
        id -> Integer,
        name -> Text,
        country -> Text,
        region -> Text,
        kind -> Text,
        created_at -> Timestamp,
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

diesel::joinable!(practices -> organisations (organisation_id));
diesel::joinable!(practice_partners -> practices (practice_id));
diesel::joinable!(practice_partners -> organisations (organisation_id));
diesel::joinable!(practice_topics -> practices (practice_id));
diesel::joinable!(practice_elements -> practices (practice_id));
diesel::joinable!(practice_integrations -> practices (practice_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    practices,
    practice_partners,
    practice_topics,
    practice_elements,
    practice_integrations,
    catalog_state,
);
