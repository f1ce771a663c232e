//! `show` renders everything in the model: every text, value, code, flag and extension of the
//! richest fixture (a synthetic four-help joint plan that uses every field of format 2.0) must
//! appear in the rendering, in Japanese and in English. A field added to the model and left
//! out of the renderer fails here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use welfare_plan::{render, Lang};

const JOINT: &str = include_str!("../../tests/conformance/documents/synthetic-four-help-joint.json");

/// Every text (an object with `ja`), as (ja, en).
fn texts(v: &Value, out: &mut Vec<(String, Option<String>)>) {
    match v {
        Value::Object(o) => {
            if let Some(Value::String(ja)) = o.get("ja") {
                let en = o.get("en").and_then(Value::as_str).map(str::to_owned);
                out.push((ja.clone(), en));
                return;
            }
            for (k, x) in o {
                if k != "extensions" {
                    texts(x, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        _ => {}
    }
}

/// Every value under `key` anywhere outside `extensions`.
fn values_of<'v>(v: &'v Value, key: &str, out: &mut Vec<&'v Value>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "extensions" {
                    continue;
                }
                if k == key {
                    out.push(x);
                }
                values_of(x, key, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| values_of(x, key, out)),
        _ => {}
    }
}

fn doc() -> Value {
    serde_json::from_str(JOINT).unwrap()
}

fn rendered() -> (String, String) {
    let plan = welfare_plan::load(JOINT.as_bytes()).unwrap();
    (render::tree(&plan, Lang::Ja), render::tree(&plan, Lang::En))
}

#[test]
fn the_fixture_uses_every_field_of_every_type_in_the_schema() {
    // What makes the rendering test complete: every property the schema defines is written
    // somewhere in the fixture.
    let schema: Value = serde_json::from_str(welfare_plan::schema::PLAN_SCHEMA_JSON).unwrap();
    let mut used = std::collections::BTreeSet::new();
    fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    out.insert(k.clone());
                    if k != "extensions" {
                        keys(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    keys(&doc(), &mut used);
    let mut missing = Vec::new();
    let defs = schema["$defs"].as_object().unwrap();
    let root = std::iter::once(("Plan", &schema));
    for (name, def) in root.chain(defs.iter().map(|(k, v)| (k.as_str(), v))) {
        for prop in def
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            // `$schema` names the document's schema for editors and is no part of the plan
            // (nothing renders it, and spreadsheets do not carry it): tests/schema_key.rs.
            if !used.contains(prop.0) && prop.0 != "$schema" {
                missing.push(format!("{name}.{}", prop.0));
            }
        }
    }
    assert!(missing.is_empty(), "fields the fixture never uses: {missing:?}");
}

#[test]
fn every_text_appears_in_its_language() {
    let (ja, en) = rendered();
    let mut all = Vec::new();
    texts(&doc(), &mut all);
    assert!(all.len() > 100, "only {} texts", all.len());
    for (j, e) in all {
        assert!(ja.contains(&j), "the Japanese rendering lacks 「{j}」");
        let e = e.unwrap_or(j);
        assert!(en.contains(&e), "the English rendering lacks \"{e}\"");
    }
}

#[test]
fn every_value_code_flag_and_extension_appears() {
    let (ja, en) = rendered();
    let d = doc();
    // Indicator and figure values, as the document writes them (212 stays 212).
    let mut values = Vec::new();
    values_of(&d, "value", &mut values);
    assert!(values.len() > 10);
    for v in values {
        let shown = match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert!(
            ja.contains(&shown) && en.contains(&shown),
            "value {shown} is not shown"
        );
    }
    // Codes: shown by their label from the codelists.
    let codelists = welfare_plan::schema::all()
        .into_iter()
        .find(|f| f.file_name == "codelists.json")
        .unwrap();
    let codelists: Value = serde_json::from_str(&codelists.text).unwrap();
    let labels = |code: &str| -> Vec<(String, String)> {
        codelists
            .as_object()
            .unwrap()
            .values()
            .filter_map(Value::as_array)
            .flatten()
            .filter(|e| e["code"] == code && e.get("label_ja").is_some())
            .map(|e| {
                (
                    e["label_ja"].as_str().unwrap().to_owned(),
                    e["label_en"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    for key in [
        "kind",
        "value_type",
        "direction",
        "comparator",
        "numbering",
        "when",
        "method",
    ] {
        let mut codes = Vec::new();
        values_of(&d, key, &mut codes);
        assert!(!codes.is_empty(), "the fixture has no `{key}`");
        for code in codes.iter().filter_map(|c| c.as_str()) {
            let found = labels(code);
            assert!(
                found.iter().any(|(j, e)| ja.contains(j) && en.contains(e)),
                "`{key}: {code}` is shown by no label of {found:?}"
            );
        }
    }
    // Flags.
    assert!(ja.contains("［重点］") && en.contains("[priority]"));
    assert!(ja.contains("［通し番号］") && en.contains("[numbered through the plan]"));
    assert!(ja.contains("編集による対応付け") && en.contains("linked by the editors"));
    // Every extension key and value.
    fn extension_fields<'v>(v: &'v Value, out: &mut Vec<(&'v String, &'v Value)>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    match (k.as_str(), x) {
                        ("extensions", Value::Object(e)) => out.extend(e.iter()),
                        _ => extension_fields(x, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| extension_fields(x, out)),
            _ => {}
        }
    }
    let mut pairs = Vec::new();
    extension_fields(&d, &mut pairs);
    assert!(pairs.len() > 20, "only {} extension fields", pairs.len());
    for (k, v) in pairs {
        let line = format!("{k}: {}", serde_json::to_string(v).unwrap());
        assert!(
            ja.contains(&line) && en.contains(&line),
            "extension `{line}` is not shown"
        );
    }
    // The url, the years, and the help model's own heading.
    for u in d["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["url"].as_str())
    {
        assert!(ja.contains(u) && en.contains(u));
    }
    assert!(
        ja.contains("自助・互助・共助・公助") || ja.contains("互助"),
        "{ja}"
    );
    assert!(
        !ja.contains("\n自助・共助・公助\n"),
        "a four-help plan is shown under the three-help heading"
    );
}

#[test]
fn every_node_appears_with_its_label_in_the_plans_numbering() {
    let plan = welfare_plan::load(JOINT.as_bytes()).unwrap();
    let (ja, en) = rendered();
    let mut n = 0;
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    for r in plan.all_nodes().chain(districts) {
        let (lj, le) = plan.label(r.at);
        let title_en = r.node.title.en.clone().unwrap_or_else(|| r.node.title.ja.clone());
        assert!(
            ja.contains(&format!("{lj} {}", r.node.title.ja)),
            "{lj} {}",
            r.node.title.ja
        );
        assert!(en.contains(&format!("{le} {title_en}")), "{le} {title_en}");
        n += 1;
    }
    assert!(n > 8);
}
