//! `$schema` in a document: accepted in plans and progress reports, kept first on export, left
//! out of the plan's content hash, dropped by the 1.0 upgrade, and a string or nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use welfare_plan::report::{check_report, plan_hash};
use welfare_plan::Limits;

const IIZUKA: &str = include_str!("../data/iizuka-3rd.json");
const IIZUKA_1_0: &str = include_str!("../../tests/conformance/base/iizuka-3rd-1.0.json");
const SCHEMA: &str = "https://example.org/schemas/plan.schema.json";

/// `text` with `"$schema": value` added as its last key.
fn with_schema(text: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v.as_object_mut().unwrap().insert("$schema".into(), value);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_plan_may_name_its_schema_and_export_keeps_it_first() {
    let text = with_schema(IIZUKA, SCHEMA.into());
    let checked = welfare_plan::check(text.as_bytes());
    assert!(checked.issues.is_empty(), "{:?}", checked.issues);
    let plan = checked.plan.unwrap();
    assert_eq!(plan.schema.as_deref(), Some(SCHEMA));
    let exported = plan.to_canonical_json();
    assert!(
        exported.starts_with(&format!(
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"schema_version\": \"2.0\","
        )),
        "{}",
        &exported[..120]
    );
    // Export → load → export is byte-identical with it too.
    let again = welfare_plan::load(exported.as_bytes()).unwrap();
    assert_eq!(again.to_canonical_json(), exported);
    // Without it, the export is the embedded document as it was.
    let mut bare = plan;
    bare.schema = None;
    assert_eq!(bare.to_canonical_json(), IIZUKA);
}

#[test]
fn the_content_hash_ignores_schema_so_reports_still_apply() {
    let plain = welfare_plan::load(IIZUKA.as_bytes()).unwrap();
    let named = welfare_plan::load(with_schema(IIZUKA, SCHEMA.into()).as_bytes()).unwrap();
    let other = welfare_plan::load(with_schema(IIZUKA, "plan.schema.json".into()).as_bytes()).unwrap();
    assert_eq!(plan_hash(&plain), plan_hash(&named));
    assert_eq!(plan_hash(&named), plan_hash(&other));
    // The hash still sees the plan itself change.
    let mut changed = named.clone();
    changed.title.ja.push('改');
    assert_ne!(plan_hash(&changed), plan_hash(&named));
}

#[test]
fn schema_must_be_a_string() {
    let checked = welfare_plan::check(with_schema(IIZUKA, 2.into()).as_bytes());
    let found: Vec<_> = checked
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.to_string()))
        .collect();
    assert_eq!(found, [("schema.wrong_type", "/$schema".to_owned())]);
    assert!(!checked.is_valid());
}

#[test]
fn the_upgrade_drops_the_schema_a_1_0_document_named() {
    let text = with_schema(IIZUKA_1_0, "plan-1.0.schema.json".into());
    let checked = welfare_plan::check(text.as_bytes());
    assert!(checked.issues.is_empty(), "{:?}", checked.issues);
    let plan = checked.plan.unwrap();
    assert_eq!(plan.schema, None);
    assert!(!plan.to_canonical_json().contains("$schema"));
}

#[test]
fn a_progress_report_may_name_its_schema_and_keeps_it() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/progress/");
    let plan =
        welfare_plan::load(&std::fs::read(format!("{root}synthetic-hoshizora-plan.json")).unwrap()).unwrap();
    let report = std::fs::read_to_string(format!("{root}synthetic-hoshizora-report-2025.json")).unwrap();
    let text = with_schema(&report, "progress-report.schema.json".into());
    let checked = check_report(text.as_bytes(), &plan, &Limits::default());
    assert!(
        checked.issues.iter().all(|i| !i.is_error()),
        "{:?}",
        checked.issues
    );
    let report = checked.report.unwrap();
    assert_eq!(report.schema.as_deref(), Some("progress-report.schema.json"));
    assert!(report.to_canonical_json().starts_with(
        "{\n  \"$schema\": \"progress-report.schema.json\",\n  \"document\": \"progress_report\","
    ));
}
