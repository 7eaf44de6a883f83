//! The OpenAPI 3.1 description of the JSON API, served at `/api/v1/openapi.json`. Its lists of
//! values (regions, topics, countries, sorts…) are read from the vocabularies the portal uses,
//! so they cannot drift; the test suite checks real answers against its schemas, which admit
//! no property they do not name.

use serde_json::{json, Map, Value};

use crate::languages::{countries, iso639};
use crate::paths;
use crate::practices::facets::{Facet, Sort};
use crate::taxonomy::{
    Approach, Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Region,
    SocialInnovationElement, Term, Topic,
};

/// The schema of a vocabulary's slugs.
fn slugs<T: Term>() -> Value {
    json!({ "type": "string", "enum": T::ALL.iter().map(|term| term.slug()).collect::<Vec<_>>() })
}

fn list_of(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

fn reference(schema: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{schema}") })
}

fn country_code() -> Value {
    json!({
        "type": "string",
        "description": "ISO 3166-1 alpha-2 code",
        "enum": countries::CODES.as_slice(),
    })
}

fn language_code() -> Value {
    json!({
        "type": "string",
        "description": "ISO 639-1 code",
        "enum": iso639::CODES.as_slice(),
    })
}

/// A filter of `/practices`, repeatable: values of one filter combine with OR.
fn filter(facet: Facet) -> Value {
    let value = match facet {
        Facet::Country => country_code(),
        Facet::Language => language_code(),
        Facet::Year | Facet::Organisation => json!({ "type": "integer" }),
        vocabulary => json!({
            "type": "string",
            "enum": vocabulary
                .vocabulary()
                .unwrap_or_default()
                .into_iter()
                .map(|(slug, _)| slug)
                .collect::<Vec<_>>(),
        }),
    };
    json!({
        "name": facet.param(),
        "in": "query",
        "required": false,
        "style": "form",
        "explode": true,
        "schema": list_of(value),
    })
}

fn closed(properties: Value) -> Value {
    let required: Vec<String> = properties
        .as_object()
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn practice_properties() -> Map<String, Value> {
    let text = json!({ "type": "string" });
    let url = json!({ "type": "string", "format": "uri" });
    let time = json!({ "type": "string", "format": "date-time" });
    let properties = json!({
        "id": { "type": "integer" },
        "url": url,
        "title": text,
        "language": language_code(),
        "summary": text,
        "institution": reference("Institution"),
        "partners": list_of(reference("Institution")),
        "competition_year": { "type": ["integer", "null"] },
        "implementation_year": { "type": "integer" },
        "award": { "anyOf": [slugs::<Award>(), { "type": "null" }] },
        "innovation_distinction": { "type": "boolean" },
        "topics": list_of(slugs::<Topic>()),
        "impact_area": slugs::<ImpactArea>(),
        "approach": slugs::<Approach>(),
        "innovation_type": slugs::<InnovationType>(),
        "governance_level": slugs::<GovernanceLevel>(),
        "social_innovation_elements": list_of(slugs::<SocialInnovationElement>()),
        "integration_types": list_of(slugs::<IntegrationType>()),
        "published_at": { "anyOf": [time, { "type": "null" }] },
        "updated_at": time,
    });
    match properties {
        Value::Object(properties) => properties,
        _ => unreachable!("an object literal"),
    }
}

fn schemas() -> Value {
    let text = json!({ "type": "string" });
    let url = json!({ "type": "string", "format": "uri" });
    let record = practice_properties();
    let mut document = record.clone();
    document.insert("sections".to_owned(), reference("Sections"));
    document.insert("translations".to_owned(), list_of(reference("Translation")));
    json!({
        "Institution": closed(json!({
            "id": { "type": "integer" },
            "url": url,
            "name": text,
            "country": country_code(),
            "region": slugs::<Region>(),
        })),
        "Practice": closed(Value::Object(record)),
        "PracticeDocument": closed(Value::Object(document)),
        "Translation": closed(json!({
            "language": language_code(),
            "url": url,
            "title": text,
            "summary": text,
            "sections": reference("Sections"),
        })),
        "Sections": closed(json!({
            "challenge": text,
            "solution": text,
            "results": text,
            "innovation": text,
            "sustainability": text,
            "replicability": text,
        })),
        "Page": closed(json!({
            "total": { "type": "integer", "minimum": 0, "description": "Practices matching, on all pages" },
            "page": { "type": "integer", "minimum": 1 },
            "page_size": { "type": "integer", "minimum": 1 },
            "page_count": { "type": "integer", "minimum": 0 },
            "previous": { "anyOf": [url, { "type": "null" }] },
            "next": { "anyOf": [url, { "type": "null" }] },
            "items": list_of(reference("Practice")),
        })),
        "Error": closed(json!({
            "error": { "type": "string", "description": "What failed, in a few words" },
            "message": { "type": "string", "description": "What to do about it" },
        })),
    })
}

fn answer(description: &str, schema: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": reference(schema) } },
    })
}

/// The whole document, its server being the portal at `public_url`.
pub fn document(public_url: &str) -> Value {
    let mut list_parameters: Vec<Value> = vec![json!({
        "name": "q",
        "in": "query",
        "required": false,
        "description": "Full-text search: all words required, \"a phrase\", prefix*",
        "schema": { "type": "string" },
    })];
    list_parameters.extend(Facet::ALL.into_iter().map(filter));
    list_parameters.push(json!({
        "name": "sort",
        "in": "query",
        "required": false,
        "schema": { "type": "string", "enum": Sort::ALL.map(Sort::param), "default": Sort::default().param() },
    }));
    list_parameters.push(json!({
        "name": "page",
        "in": "query",
        "required": false,
        "schema": { "type": "integer", "minimum": 1, "default": 1 },
    }));
    let practice_path = paths::API_PRACTICE.replace("{practice}", "{id}");
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Good Practice Portal API",
            "version": "1",
            "description": "Read-only access to the published good practices in social security: \
                the filters and search of /practices, paginated, and each practice with its body. \
                Vocabulary values are the slugs the filters take; countries are ISO 3166-1 codes.",
        },
        "servers": [{ "url": public_url }],
        "paths": {
            (paths::API_PRACTICES): {
                "get": {
                    "operationId": "listPractices",
                    "summary": "The practices the filters and search select, a page at a time",
                    "parameters": list_parameters,
                    "responses": { "200": answer("A page of the list; past the end, no items", "Page") },
                },
            },
            (practice_path): {
                "get": {
                    "operationId": "getPractice",
                    "summary": "One published practice with its body",
                    "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
                    "responses": {
                        "200": answer("The practice", "PracticeDocument"),
                        "404": answer("No published practice has this id", "Error"),
                    },
                },
            },
        },
        "components": { "schemas": schemas() },
    })
}
