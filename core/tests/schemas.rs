//! The files in `schemas/` are generated from the Rust types; this test regenerates them and
//! fails on any difference. `SCHEMAS=overwrite cargo test -p welfare-plan --test schemas`
//! (or `welfare-plan schema --out schemas/`) rewrites them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

#[test]
fn schemas_directory_matches_the_generated_schemas() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let overwrite = std::env::var("SCHEMAS").as_deref() == Ok("overwrite");
    let mut stale = Vec::new();
    for file in welfare_plan::schema::all() {
        let path = dir.join(file.file_name);
        if overwrite {
            std::fs::write(&path, &file.text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(file.text.as_str()) {
            stale.push(file.file_name);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from the generated schemas; run `cargo run -p welfare-plan-cli -- schema --out schemas/`"
    );
}

#[test]
fn the_embedded_plan_is_canonical_and_has_no_issues() {
    let json = welfare_plan::iizuka::THIRD_PLAN_JSON;
    let checked = welfare_plan::check(json.as_bytes());
    assert_eq!(checked.issues, vec![]);
    assert_eq!(
        checked.plan.unwrap().to_canonical_json(),
        json,
        "core/data/iizuka-3rd.json is not canonical"
    );
}

#[test]
fn the_embedded_plan_is_valid_against_the_schema() {
    let schema = welfare_plan::schema::plan_schema();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let doc: serde_json::Value = serde_json::from_str(welfare_plan::iizuka::THIRD_PLAN_JSON).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_schema_compiled_into_the_library_is_the_generated_one() {
    let generated = welfare_plan::schema::all()
        .into_iter()
        .find(|f| f.file_name == "plan.schema.json")
        .unwrap();
    assert!(
        welfare_plan::schema::PLAN_SCHEMA_JSON == generated.text,
        "schemas/plan.schema.json is stale; run `cargo run -p welfare-plan-cli -- schema --out schemas/` and rebuild"
    );
}

#[test]
fn the_example_reports_are_valid_against_the_report_schema_and_a_misshapen_one_is_not() {
    let schema: serde_json::Value = serde_json::from_str(welfare_plan::schema::REPORT_SCHEMA_JSON).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/progress");
    let mut n = 0;
    for year in 2025..=2027 {
        let text =
            std::fs::read_to_string(dir.join(format!("synthetic-hoshizora-report-{year}.json"))).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{year}: {errors:?}");
        doc["fiscal_year"] = serde_json::json!("令和7年度");
        doc["observation"] = serde_json::json!([]);
        assert_eq!(validator.iter_errors(&doc).count(), 2, "{year}");
        n += 1;
    }
    assert_eq!(n, 3);
}

#[test]
fn a_diff_of_two_editions_is_valid_against_the_diff_schema() {
    let schema = welfare_plan::schema::diff_schema();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let new = welfare_plan::iizuka::third_plan();
    let mut old = new.clone();
    old.nodes[0].title.ja = "互いを大切にするひとづくり".to_owned();
    old.nodes[1].children.remove(0);
    let diff = welfare_plan::diff::plans(&old, &new);
    assert_eq!(diff.changes.len(), 2, "{diff:?}");
    let doc = serde_json::to_value(&diff).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // A wrong kind is refused: the schema says something.
    let mut bad = doc.clone();
    bad["changes"][0]["kind"] = serde_json::json!("renamed");
    assert!(!validator.is_valid(&bad));
}
