//! The JSON Schemas of the exchange format, generated from the types in this crate.
//!
//! `schemas/` at the repository root holds the generated files; a test regenerates them and
//! fails on any difference (`SCHEMAS=overwrite cargo test -p welfare-plan --test schemas`, or
//! `welfare-plan schema --out schemas/`, rewrites them).

use schemars::generate::SchemaSettings;

use crate::error::IssueCode;
use crate::model::{
    ActorKind, Comparator, Condition, Direction, HelpModelKind, HelpSector, IndicatorKind, LineageChange,
    NumberStyle, Plan, PublisherKind, Rollup, ValueType, SCHEMA_VERSION,
};

/// `schemas/plan.schema.json` as committed: the text [`plan_schema`] generates (the schema
/// drift test fails if they ever differ). The validator's error path reads this text rather
/// than generating the schema, so that a program that only checks documents (the WebAssembly
/// module above all) carries no schema generator: it is 80 KB of compressed module. A `static`,
/// not a `const`: a const is copied into every place that uses it, and the module would carry
/// the text twice.
pub static PLAN_SCHEMA_JSON: &str = include_str!("../../schemas/plan.schema.json");

/// The plan schema as the validator's error path walks it: `schemas/plan.schema.json` without
/// descriptions, titles and examples, minified by `build.rs`.
pub(crate) static PLAN_SHAPE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/plan.shape.json"));

/// The progress report schema as the error path walks it, minified the same way.
pub(crate) static REPORT_SHAPE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/progress-report.shape.json"));

/// `schemas/progress-report.schema.json` as committed, for the same reason.
pub static REPORT_SCHEMA_JSON: &str = include_str!("../../schemas/progress-report.schema.json");

/// The base of every schema's `$id`: a URN, `urn:welfare-plan:schema:NAME:MAJOR` (such as
/// `urn:welfare-plan:schema:plan:2`). The project owns no web host to serve the schemas from,
/// and an `$id` only has to name a schema, not locate it; a document's `$schema` locates it
/// (a path or a URL of the user's choosing). The frozen 1.0 schema keeps the `$id` it was
/// released with.
pub const ID_BASE: &str = "urn:welfare-plan:schema";

/// One generated schema document.
pub struct SchemaFile {
    /// The file name under `schemas/`.
    pub file_name: &'static str,
    /// The schema, pretty-printed with a trailing newline.
    pub text: String,
}

/// Every generated file under `schemas/`: the schemas and the codelists.
pub fn all() -> Vec<SchemaFile> {
    let schema = plan_schema();
    let codelists = codelists(&schema);
    vec![
        SchemaFile {
            file_name: "plan.schema.json",
            text: pretty(&schema),
        },
        SchemaFile {
            file_name: "progress-report.schema.json",
            text: pretty(&report_schema()),
        },
        SchemaFile {
            file_name: "diff.schema.json",
            text: pretty(&diff_schema()),
        },
        SchemaFile {
            file_name: "codelists.json",
            text: pretty(&codelists),
        },
        SchemaFile {
            file_name: "CODELISTS.md",
            text: codelists_markdown(&codelists),
        },
        SchemaFile {
            file_name: "opendata-csv.md",
            text: crate::sheet::opendata_markdown(),
        },
    ]
}

fn pretty(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The codelists of the format: code, Japanese label, English label and description of every
/// enumerated value, and every issue code with its severity. Descriptions come from the
/// schema (that is, from the doc comments), so the two cannot drift apart.
pub fn codelists(schema: &serde_json::Value) -> serde_json::Value {
    use serde_json::json;
    let description = |def: &str, code: &str| -> String {
        schema
            .pointer(&format!("/$defs/{def}/oneOf"))
            .and_then(|alts| alts.as_array())
            .and_then(|alts| {
                alts.iter()
                    .find(|a| a.get("const").and_then(|c| c.as_str()) == Some(code))
            })
            .and_then(|a| a.get("description"))
            .and_then(|d| d.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let entry = |def: &str, (code, ja, en): (&str, &str, &str)| json!({"code": code, "label_ja": ja, "label_en": en, "description": description(def, code)});
    let sectors: Vec<_> = HelpSector::ALL
        .iter()
        .map(|h| entry("HelpSector", (h.code(), h.label_ja(), h.label_en())))
        .collect();
    let models: Vec<_> = HelpModelKind::ALL
        .iter()
        .map(|k| entry("HelpModelKind", k.labels()))
        .collect();
    let actors: Vec<_> = ActorKind::ALL
        .iter()
        .map(|k| entry("ActorKind", k.labels()))
        .collect();
    let publishers: Vec<_> = PublisherKind::ALL
        .iter()
        .map(|k| entry("PublisherKind", k.labels()))
        .collect();
    let list = |def: &str,
                labels: Vec<(&'static str, &'static str, &'static str)>|
     -> Vec<serde_json::Value> { labels.into_iter().map(|l| entry(def, l)).collect() };
    let numbering = list(
        "NumberStyle",
        NumberStyle::ALL.iter().map(|k| k.labels()).collect(),
    );
    let indicator_kinds = list(
        "IndicatorKind",
        IndicatorKind::ALL.iter().map(|k| k.labels()).collect(),
    );
    let value_types = list("ValueType", ValueType::ALL.iter().map(|k| k.labels()).collect());
    let directions = list("Direction", Direction::ALL.iter().map(|k| k.labels()).collect());
    let comparators = list("Comparator", Comparator::ALL.iter().map(|k| k.labels()).collect());
    let conditions = list("Condition", Condition::ALL.iter().map(|k| k.labels()).collect());
    let rollups = list("Rollup", Rollup::ALL.iter().map(|k| k.labels()).collect());
    let lineage = list(
        "LineageChange",
        LineageChange::ALL.iter().map(|k| k.labels()).collect(),
    );
    let issues: Vec<_> = IssueCode::ALL
        .iter()
        .map(|c| json!({"code": c.as_str(), "severity": c.severity().as_str(), "description": c.description()}))
        .collect();
    json!({
        "$comment": "Generated by `welfare-plan schema` from the Rust types in core/; do not edit by hand.",
        "schema_version": SCHEMA_VERSION,
        "help_sectors": sectors,
        "help_model_kinds": models,
        "actor_kinds": actors,
        "publisher_kinds": publishers,
        "number_styles": numbering,
        "indicator_kinds": indicator_kinds,
        "value_types": value_types,
        "directions": directions,
        "comparators": comparators,
        "grade_conditions": conditions,
        "rollups": rollups,
        "lineage_changes": lineage,
        "issue_codes": issues,
    })
}

fn field<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v.get(key).and_then(|x| x.as_str()).unwrap_or_default()
}

fn codelists_markdown(c: &serde_json::Value) -> String {
    let mut out = String::from(
        "<!-- Generated by `welfare-plan schema` from the Rust types in core/; do not edit by hand. -->\n\n# Codelists\n\nThe enumerated values of the plan format (also in `codelists.json`), and the issue codes the\nvalidator reports. Codes never change meaning; labels and descriptions may improve.\n",
    );
    let sections = [
        ("help_sectors", "Help sectors (自助・互助・共助・公助)"),
        ("help_model_kinds", "Help model kinds"),
        ("actor_kinds", "Actor kinds (担い手の種類)"),
        ("publisher_kinds", "Publisher kinds (策定主体)"),
        ("number_styles", "Numbering styles of a level (番号の付け方)"),
        ("indicator_kinds", "Indicator kinds (指標の種類)"),
        ("value_types", "Indicator value types (値の種類)"),
        ("directions", "Desired directions (望ましい方向)"),
        ("comparators", "Target comparators (以上・以下)"),
        (
            "grade_conditions",
            "Grading conditions of an indicator (評価の条件)",
        ),
        ("rollups", "How node grades roll up (上位の項目の評価)"),
        (
            "lineage_changes",
            "How a part continues the previous edition (前期計画からの継承)",
        ),
    ];
    for (key, title) in sections {
        out.push_str(&format!(
            "\n## {title}\n\n| code | 日本語 | English | description |\n|---|---|---|---|\n"
        ));
        for e in c.get(key).and_then(|v| v.as_array()).into_iter().flatten() {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                field(e, "code"),
                field(e, "label_ja"),
                field(e, "label_en"),
                field(e, "description").replace('\n', " ")
            ));
        }
    }
    out.push_str("\n## Issue codes\n\n| code | severity | meaning |\n|---|---|---|\n");
    for e in c
        .get("issue_codes")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            field(e, "code"),
            field(e, "severity"),
            field(e, "description")
        ));
    }
    out
}

/// The plan document's schema as a JSON value.
pub fn plan_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<Plan>();
    let mut v = schema.to_value();
    tidy_descriptions(&mut v);
    standard_formats(&mut v);
    if let Some(obj) = v.as_object_mut() {
        let major = SCHEMA_VERSION.split('.').next().unwrap_or("1");
        obj.insert("$id".into(), format!("{ID_BASE}:plan:{major}").into());
        obj.insert(
            "$comment".into(),
            "Generated by `welfare-plan schema` from the Rust types in core/; do not edit by hand.".into(),
        );
    }
    v
}

/// The progress report's schema as a JSON value.
pub fn report_schema() -> serde_json::Value {
    let major = crate::report::REPORT_SCHEMA_VERSION
        .split('.')
        .next()
        .unwrap_or("1");
    schema_of::<crate::report::ProgressReport>(&format!("progress-report:{major}"))
}

/// The version of the diff's JSON form (`welfare-plan diff --format json`); its major number is
/// in the schema's `$id`.
pub const DIFF_SCHEMA_VERSION: &str = "1.0";

/// The JSON Schema of a diff as `welfare-plan diff --format json` writes it (and Python's
/// `Diff.to_dict()` and JavaScript's `diffPlans` return it): an output rather than an exchange
/// document, described so that other tools can read it.
pub fn diff_schema() -> serde_json::Value {
    let major = DIFF_SCHEMA_VERSION.split('.').next().unwrap_or("1");
    schema_of::<crate::diff::Diff>(&format!("diff:{major}"))
}

/// The draft 2020-12 schema of `T` with tidied descriptions, its `$id` `{ID_BASE}:{name}`.
fn schema_of<T: schemars::JsonSchema>(name: &str) -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut v = generator.into_root_schema_for::<T>().to_value();
    tidy_descriptions(&mut v);
    standard_formats(&mut v);
    if let Some(obj) = v.as_object_mut() {
        obj.insert("$id".into(), format!("{ID_BASE}:{name}").into());
        obj.insert(
            "$comment".into(),
            "Generated by `welfare-plan schema` from the Rust types in core/; do not edit by hand.".into(),
        );
    }
    v
}

/// schemars names Rust's number types as formats (`uint32`, `double`), which no JSON Schema
/// vocabulary defines: ajv in its default strict mode refuses them as unknown formats. An
/// unsigned integer says its range with `minimum` and `maximum` instead (the shape check reads
/// the type's range from `maximum`), and a float's format is dropped: `number` says it all.
fn standard_formats(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            let range = match map.get("format").and_then(serde_json::Value::as_str) {
                Some("uint8") => Some(u64::from(u8::MAX)),
                Some("uint16") => Some(u64::from(u16::MAX)),
                Some("uint32") => Some(u64::from(u32::MAX)),
                Some("uint64" | "uint") => Some(i64::MAX.unsigned_abs()),
                _ => None,
            };
            let numeric = matches!(
                map.get("format").and_then(serde_json::Value::as_str),
                Some(
                    "uint8"
                        | "uint16"
                        | "uint32"
                        | "uint64"
                        | "uint"
                        | "int8"
                        | "int16"
                        | "int32"
                        | "int64"
                        | "int"
                        | "float"
                        | "double"
                )
            );
            if numeric {
                map.remove("format");
            }
            if let Some(max) = range {
                map.entry("minimum").or_insert(0.into());
                map.insert("maximum".into(), max.into());
            }
            map.values_mut().for_each(standard_formats);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(standard_formats),
        _ => {}
    }
}

/// Doc comments become descriptions; drop their Rust examples and undo rustdoc's line wrapping
/// so that the schema reads as prose in any tool.
fn tidy_descriptions(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                match child {
                    serde_json::Value::String(s) if k == "description" => *s = prose(s),
                    _ => tidy_descriptions(child),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

fn prose(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in doc.lines() {
        let line = line.trim();
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}
