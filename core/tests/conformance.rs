//! Runs the shared conformance corpus (`tests/conformance/`) through the Rust core, and checks
//! each verdict against an independent JSON Schema validator (the `jsonschema` crate).
//!
//! The Python and WASM suites run the same corpus and assert the same codes and paths.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use welfare_plan::{check_with, IssueCode, Limits};

mod patch;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

struct Case {
    name: String,
    input: Vec<u8>,
    expected: Value,
}

fn limits(expected: &Value) -> Limits {
    match expected.get("limits") {
        Some(l) => serde_json::from_value(l.clone()).expect("limits in the corpus are valid"),
        None => Limits::default(),
    }
}

/// Every case's expected file: its name, its text and its value.
fn expected_files() -> Vec<(String, Vec<u8>, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus().join("cases")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let text = std::fs::read(&path).unwrap();
        let expected: Value = serde_json::from_slice(&text).unwrap();
        out.push((stem.to_owned(), text, expected));
    }
    out
}

fn cases() -> Vec<Case> {
    let dir = corpus().join("cases");
    let mut out = Vec::new();
    for (stem, text, expected) in expected_files() {
        // A case about the national code list needs the list built in (the default feature
        // `municipality-codes`).
        if expected["needs_code_list"] == true && !welfare_plan::codelist::is_available() {
            continue;
        }
        let input = match expected.get("patch") {
            Some(_) => patch::patched(&corpus().join("../.."), &text),
            None => std::fs::read(dir.join(format!("{stem}.json"))).unwrap(),
        };
        out.push(Case {
            name: stem,
            input,
            expected,
        });
    }
    let generated: Vec<Value> =
        serde_json::from_slice(&std::fs::read(corpus().join("generated.json")).unwrap()).unwrap();
    for g in generated {
        let s = |k: &str| g[k].as_str().unwrap().to_owned();
        let count = g["count"].as_u64().unwrap() as usize;
        let input = [s("prefix"), s("repeat").repeat(count), s("suffix")]
            .concat()
            .into_bytes();
        out.push(Case {
            name: s("name"),
            input,
            expected: g,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(
        out.len() > 40,
        "the corpus was not found at {}",
        corpus().display()
    );
    out
}

fn expected_pairs(expected: &Value) -> Vec<(String, String)> {
    expected["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_case_reports_exactly_the_expected_issues() {
    let mut failures = Vec::new();
    for case in cases() {
        let checked = check_with(&case.input, &limits(&case.expected));
        let got: Vec<(String, String)> = checked
            .issues
            .iter()
            .map(|i| (i.code.to_string(), i.path.to_string()))
            .collect();
        let want = expected_pairs(&case.expected);
        let valid = case.expected["valid"].as_bool().unwrap();
        if got != want || checked.is_valid() != valid {
            failures.push(format!(
                "{}: expected {want:?} (valid {valid}), got {got:?}",
                case.name
            ));
        }
        for issue in &checked.issues {
            assert!(
                !issue.message_en.is_empty() && !issue.message_ja.is_empty(),
                "{}",
                case.name
            );
            assert!(issue.message_en.len() < 1000, "{}: message too long", case.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rust's words, which a clerk fixing a file should never have to read.
const RUST_WORDS: &[&str] = &[
    "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64", "struct",
    "sequence", "enum", "variant", "Option", "Vec", "String", "map",
];

/// Names of formats and encodings as a parser's messages write them, not as people do (JSON,
/// UTF-8, CSV, Shift_JIS), and a parser's abbreviation for the end of the input.
const LOWER_CASE_NAMES: &[&str] = &["json", "utf", "csv", "jis", "cp932", "EOF"];

#[test]
fn no_message_names_a_rust_type_and_japanese_messages_are_japanese() {
    let mut seen = 0;
    for case in cases() {
        let checked = check_with(&case.input, &limits(&case.expected));
        for issue in &checked.issues {
            for message in [&issue.message_en, &issue.message_ja] {
                // Words outside backticks: values quoted from the document may say anything.
                let prose: String = message.split('`').step_by(2).collect::<Vec<_>>().join(" ");
                for word in prose.split(|c: char| !c.is_ascii_alphanumeric()) {
                    assert!(
                        !RUST_WORDS.contains(&word),
                        "{}: `{word}` in {message:?}",
                        case.name
                    );
                    assert!(
                        !LOWER_CASE_NAMES.contains(&word),
                        "{}: `{word}` is a name, written in capitals, in {message:?}",
                        case.name
                    );
                }
                seen += 1;
            }
            let ja_prose: String = issue.message_ja.split('`').step_by(2).collect();
            assert!(
                !ja_prose.contains("expected")
                    && !ja_prose.contains("invalid")
                    && !ja_prose.contains(" at line"),
                "{}: English in the Japanese message {:?}",
                case.name,
                issue.message_ja
            );
        }
    }
    assert!(seen > 100, "only {seen} messages were read");
}

#[test]
fn every_issue_found_in_text_has_a_line_and_column() {
    for case in cases() {
        let checked = check_with(&case.input, &limits(&case.expected));
        for issue in &checked.issues {
            if matches!(issue.code, IssueCode::InputEmpty | IssueCode::InputTooLarge) {
                continue;
            }
            assert!(
                issue.line.is_some() && issue.column.is_some(),
                "{}: {issue} has no line and column",
                case.name
            );
        }
    }
}

#[test]
fn every_issue_code_has_a_fixture() {
    // Plan cases, and progress report cases (tests/conformance/reports/).
    let reports: Vec<Value> = std::fs::read_dir(corpus().join("reports"))
        .unwrap()
        .map(|e| serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap())
        .collect();
    // Every expected file counts, the cases a build without the code list skips included (their
    // fixtures are there), and the generated cases.
    let plans: Vec<Value> = cases()
        .into_iter()
        .map(|c| c.expected)
        .chain(expected_files().into_iter().map(|(_, _, expected)| expected))
        .collect();
    let covered: BTreeSet<String> = plans
        .iter()
        .chain(&reports)
        .flat_map(expected_pairs)
        .map(|(code, _)| code)
        .collect();
    // The spreadsheet's own codes (`sheet.*`, `csv.*`) cannot arise from JSON; the import's
    // tests (core/tests/import.rs) cover each of them.
    let missing: Vec<&str> = IssueCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !c.starts_with("sheet.") && !c.starts_with("csv."))
        .filter(|c| !covered.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a conformance fixture: {missing:?}"
    );
}

#[test]
fn the_json_schema_agrees_with_the_library_on_every_case() {
    // A document is checked against the schema of the version it has the shape of: 1.0
    // documents against the frozen 1.0 schema, which the library reads through the upgrade.
    let load = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(corpus().join("../../schemas").join(name)).unwrap()).unwrap()
    };
    let v2 = jsonschema::draft202012::new(&load("plan.schema.json")).unwrap();
    let v1 = jsonschema::draft202012::new(&load("plan-1.0.schema.json")).unwrap();
    let mut checked = 0;
    for case in cases() {
        let Some(want) = case.expected["schema_valid"].as_bool() else {
            continue;
        };
        if case.expected["valid"].as_bool().unwrap() {
            assert!(want, "{}: a valid plan must be schema-valid", case.name);
        }
        let text = std::str::from_utf8(&case.input).unwrap();
        let doc: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
        let v1_shaped = doc.get("goals").is_some() && doc.get("nodes").is_none();
        let validator = if v1_shaped { &v1 } else { &v2 };
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert_eq!(errors.is_empty(), want, "{}: schema errors {errors:?}", case.name);
        checked += 1;
    }
    assert!(
        checked > 30,
        "only {checked} cases were checked against the schema"
    );
}
