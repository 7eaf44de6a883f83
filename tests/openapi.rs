//! The API's OpenAPI document describes what the API really answers: each answer below is
//! checked against the schema the document gives for its path and status, schemas that admit
//! no property they do not name; and every filter the document offers is one the API takes.

use std::collections::BTreeSet;

use portal::ids::PracticeId;
use portal::paths;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{TestApp, FILTERS};

/// The schema the document gives for a GET of `template` answering `status`, as a schema
/// whose references resolve inside the document.
fn answer_schema(document: &Value, template: &str, status: StatusCode) -> Value {
    let schema = &document["paths"][template]["get"]["responses"][status.as_str()]["content"]
        ["application/json"]["schema"];
    assert!(schema.is_object(), "no schema for {template} {status}");
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": schema["$ref"],
        "components": document["components"],
    })
}

/// The problems of `answer` against `schema`, written out.
fn problems(schema: &Value, answer: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    validator
        .iter_errors(answer)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

#[tokio::test]
async fn real_answers_match_the_schemas_of_the_openapi_document() {
    let app = TestApp::spawn().await;
    let (status, document) = app.json(paths::API_OPENAPI).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["servers"][0]["url"], app.base.as_str());
    let list = paths::API_PRACTICES;
    let one = "/api/v1/practices/{id}";

    let awarded = app.id_of::<PracticeId>(
        "SELECT MIN(id) FROM practices WHERE status = 'published' AND award IS NOT NULL",
    );
    let joint = app.id_of::<PracticeId>(
        "SELECT MIN(p.id) FROM practices p JOIN practice_partners pp ON pp.practice_id = p.id \
         WHERE p.status = 'published'",
    );
    let plain = app.id_of::<PracticeId>(
        "SELECT MIN(id) FROM practices WHERE status = 'published' AND award IS NULL",
    );
    // The joint practice has a version in Japanese, so that its translations are checked too.
    app.execute(&format!(
        "INSERT INTO practice_translations (practice_id, language, title, summary, challenge, \
         solution, results, innovation, sustainability, replicability) \
         VALUES ({joint}, 'ja', '年金の窓口', '要約', '課題', '', '', '', '', '')"
    ));
    let mut answers = vec![
        (list, list.to_owned()),
        (list, format!("{list}?region=europe&page=2")),
        (list, format!("{list}?q=pension&topic=health&sort=newest")),
        (list, format!("{list}?country=CA&year=2020")),
        (list, format!("{list}?page=999")),
    ];
    for id in [awarded, joint, plain] {
        answers.push((one, paths::api_practice(id)));
    }
    answers.push((one, "/api/v1/practices/99999999".to_owned()));

    let mut seen_statuses = BTreeSet::new();
    for (template, path) in answers {
        let (status, answer) = app.json(&path).await;
        seen_statuses.insert(status.as_u16());
        let schema = answer_schema(&document, template, status);
        assert_eq!(problems(&schema, &answer), Vec::<String>::new(), "{path}");
    }
    assert_eq!(seen_statuses, BTreeSet::from([200, 404]));

    // The check can fail: a property the document does not name, or a value off the list.
    let (_, mut answer) = app.json(&paths::api_practice(awarded)).await;
    let schema = answer_schema(&document, one, StatusCode::OK);
    answer["undocumented"] = json!(1);
    answer["institution"]["country"] = json!("Canada");
    assert_eq!(problems(&schema, &answer).len(), 2, "{answer}");
}

#[tokio::test]
async fn every_filter_of_the_list_is_documented_and_each_documented_value_is_taken() {
    let app = TestApp::spawn().await;
    let (_, document) = app.json(paths::API_OPENAPI).await;
    let parameters = document["paths"][paths::API_PRACTICES]["get"]["parameters"]
        .as_array()
        .unwrap();
    let names: BTreeSet<&str> = parameters
        .iter()
        .map(|parameter| parameter["name"].as_str().unwrap())
        .collect();
    let expected: BTreeSet<&str> = FILTERS.into_iter().chain(["q", "sort", "page"]).collect();
    assert_eq!(names, expected);

    let (_, everything) = app.json(paths::API_PRACTICES).await;
    let all = everything["total"].as_u64().unwrap();
    for parameter in parameters {
        let name = parameter["name"].as_str().unwrap();
        let values = parameter["schema"]["items"]["enum"]
            .as_array()
            .or(parameter["schema"]["enum"].as_array());
        let Some(values) = values else { continue };
        let mut sum = 0;
        for value in values {
            let path = format!(
                "{}?{name}={}",
                paths::API_PRACTICES,
                value.as_str().unwrap()
            );
            let (status, page) = app.json(&path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            sum += page["total"].as_u64().unwrap();
        }
        // Every practice has one region, impact area, language, governance level and
        // innovation type: their documented values, taken one by one, list each practice once,
        // which they would not if the API ignored one. A practice counts in the country of
        // each of its institutions; a sort lists them all each time.
        match name {
            "region" | "impact" | "language" | "governance" | "innovation" => {
                assert_eq!(sum, all, "{name}")
            }
            "country" => assert!(sum >= all, "{name}"),
            "sort" => assert_eq!(sum, all * values.len() as u64, "{name}"),
            _ => assert!(sum > 0, "{name}"),
        }
    }
}
