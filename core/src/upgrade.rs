//! Format 1.0 documents, read as 2.0: a deterministic upgrade of the document, and the way
//! back from a 2.0 pointer to the 1.0 document's own, so that every issue points into the
//! text the user wrote.
//!
//! 1.0 had a fixed tree (`goals` → `targets` → `initiatives`) with Iizuka's level names, a
//! mandatory help model and voices quoted beside `goals`. The upgrade renames those lists to
//! `nodes` and `children`, declares the three levels 1.0 implied (基本目標Ⅰ / 活動目標1 / (1)),
//! and renames a voice's `goals` to `nodes`. Everything else 1.0 wrote is valid 2.0 as it
//! stands, so the upgraded document is checked by the 2.0 rules and nothing is implemented
//! twice. `welfare-plan upgrade FILE` writes the result.

use crate::error::{Issue, IssueCode, Path, PathSegment};
use crate::shape::{Json, Value};
use crate::Limits;

/// The levels every 1.0 document had, as 2.0 declares them.
const V1_LEVELS: &str = r#"[
    {"id": "goal", "name": {"ja": "基本目標", "en": "Basic goal"}, "numbering": "roman"},
    {"id": "target", "name": {"ja": "活動目標", "en": "Activity target"}, "numbering": "arabic"},
    {"id": "initiative", "name": {"ja": "具体的取り組み", "en": "Specific initiative"}, "numbering": "parenthesized"}
]"#;

/// Whether `doc` is a 1.0 document: it says so or has `goals`, and has no `nodes`. Such a
/// document is read through the upgrade whatever version it claims, so that a 1.0 document
/// with a wrong version is told its version is wrong, not that every part of it is.
pub(crate) fn is_v1_shaped(doc: &Value<'_>) -> bool {
    (says_1_0(doc) || doc.get("goals").is_some()) && doc.get("nodes").is_none()
}

/// Whether `doc`'s `schema_version` is "1.0".
fn says_1_0(doc: &Value<'_>) -> bool {
    doc.get("schema_version").and_then(Value::as_str) == Some("1.0")
}

/// Renames `from` to `to` in `obj`, unless `to` is already there (then both stay, and the
/// 2.0 checks report `from` as an unknown field where the user wrote it).
fn rename(obj: &mut Value<'_>, from: &str, to: &'static str) {
    if obj.get(to).is_some() {
        return;
    }
    if let Some(v) = obj.remove(from) {
        obj.insert(to, v);
    }
}

/// Applies `f` to every object of the array at `key` in `obj`.
fn each<'t>(obj: &mut Value<'t>, key: &'static str, mut f: impl FnMut(&mut Value<'t>)) {
    if let Some(Json::Array(items)) = obj.at_mut(&[PathSegment::from(key)]).map(|v| &mut v.json) {
        items
            .iter_mut()
            .filter(|x| matches!(x.json, Json::Object(_)))
            .for_each(&mut f);
    }
}

/// Turns a 1.0 document into its 2.0 form in place; `false` (and nothing changed) when the
/// document does not have the 1.0 shape. A `schema_version` other than 1.0 is kept, for the
/// version rule to report.
pub(crate) fn upgrade_value(doc: &mut Value<'_>) -> bool {
    if !matches!(doc.json, Json::Object(_)) || !is_v1_shaped(doc) {
        return false;
    }
    if says_1_0(doc) {
        let at = doc.get("schema_version").map_or(0, |v| v.at);
        doc.insert(
            "schema_version",
            Value {
                at,
                json: Json::String("2.0".into()),
            },
        );
    }
    if doc.get("levels").is_none() {
        // Cannot fail: the levels are JSON.
        if let Ok(levels) = crate::shape::read(V1_LEVELS) {
            doc.insert("levels", levels);
        }
    }
    // A `$schema` string named the 1.0 schema, which the upgraded document no longer follows:
    // it is dropped rather than left pointing editors at the wrong schema. (Any other value is
    // kept, for the 2.0 checks to report.)
    if doc.get("$schema").and_then(Value::as_str).is_some() {
        doc.remove("$schema");
    }
    rename(doc, "goals", "nodes");
    each(doc, "nodes", |goal| {
        rename(goal, "targets", "children");
        each(goal, "children", |target| {
            rename(target, "initiatives", "children")
        });
    });
    each(doc, "voices", |voice| rename(voice, "goals", "nodes"));
    true
}

/// The 1.0 document's pointer for a pointer into its upgraded form.
pub(crate) fn v1_path(path: &Path) -> Path {
    let segs = path.segments();
    let key = |i: usize| match segs.get(i) {
        Some(PathSegment::Key(k)) => Some(k.as_ref()),
        _ => None,
    };
    let mut out: Vec<PathSegment> = segs.to_vec();
    let mut rename_at = |i: usize, to: &'static str| {
        if let Some(s) = out.get_mut(i) {
            *s = PathSegment::Key(to.into());
        }
    };
    match key(0) {
        Some("nodes") => {
            rename_at(0, "goals");
            if key(2) == Some("children") {
                rename_at(2, "targets");
                if key(4) == Some("children") {
                    rename_at(4, "initiatives");
                }
            }
        }
        Some("voices") if key(2) == Some("nodes") => rename_at(2, "goals"),
        // The levels were not written by the user: their problems are the document's.
        Some("levels") => out.clear(),
        _ => {}
    }
    Path(out)
}

/// Checks `doc`, the value of `text`, which has the 1.0 shape: upgraded, checked as 2.0, and
/// every issue moved back to the pointer and position of the document as written.
pub(crate) fn check_v1(text: &str, mut doc: Value<'_>, limits: &Limits) -> crate::Checked {
    // The tree kept the last of each repeated key; the text has them all. (Taken before the
    // upgrade renames the lists they are in.)
    let repeated = crate::parse::duplicate_field_issues(text, &doc);
    upgrade_value(&mut doc);
    let upgraded = serde_json::to_string(&doc).unwrap_or_default();
    let mut checked = crate::parse::check_upgraded(&upgraded, limits);
    for issue in &mut checked.issues {
        issue.path = v1_path(&issue.path);
        issue.line = None;
        issue.column = None;
    }
    if !repeated.is_empty() {
        checked.plan = None;
        checked.issues.extend(repeated);
    }
    crate::parse::locate(text, &mut checked.issues);
    if checked.plan.is_none() {
        // Shape problems in the order of the text as written (the upgraded text has its keys
        // in another order), then the rules' findings in rule order, then the count of what a
        // limit left out.
        let (mut shape, rest): (Vec<Issue>, Vec<Issue>) = std::mem::take(&mut checked.issues)
            .into_iter()
            .partition(|i| i.code.as_str().starts_with("schema."));
        let (count, rules): (Vec<Issue>, Vec<Issue>) =
            rest.into_iter().partition(|i| i.code == IssueCode::TooManyIssues);
        crate::parse::sort_by_position(&mut shape);
        checked.issues = shape.into_iter().chain(rules).chain(count).collect();
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_into_the_upgraded_tree_lead_back_to_the_1_0_lists() {
        let p = |s: &str| {
            let segs = s
                .split('/')
                .skip(1)
                .map(|x| match x.parse::<usize>() {
                    Ok(i) => PathSegment::Index(i),
                    Err(_) => PathSegment::Key(x.to_owned().into()),
                })
                .collect();
            v1_path(&Path(segs)).to_string()
        };
        assert_eq!(p("/nodes/1/title"), "/goals/1/title");
        assert_eq!(
            p("/nodes/0/children/2/children/3/challenges/0"),
            "/goals/0/targets/2/initiatives/3/challenges/0"
        );
        assert_eq!(p("/voices/4/nodes/0"), "/voices/4/goals/0");
        assert_eq!(p("/actors/0/sector"), "/actors/0/sector");
        assert_eq!(p("/levels/0/name"), "");
    }

    #[test]
    fn only_a_document_that_says_1_0_is_upgraded() {
        // Upgraded (or not), as the JSON value written out.
        let upgraded = |text: &str| {
            let mut doc = crate::shape::read(text).unwrap_or(Value {
                at: 0,
                json: Json::Null,
            });
            let done = upgrade_value(&mut doc);
            let value = serde_json::to_value(&doc).unwrap_or_default();
            (done, value)
        };
        let (done, v) = upgraded(r#"{"schema_version": "2.0", "goals": [], "nodes": []}"#);
        assert!(!done);
        assert!(v.get("goals").is_some());
        let (done, v) = upgraded(r#"{"schema_version": "9.9", "goals": []}"#);
        assert!(done);
        assert_eq!(v["schema_version"], "9.9");
        let (done, v) = upgraded(
            r#"{"schema_version": "1.0", "$schema": "x", "goals": [{"targets": [{"initiatives": []}]}], "voices": [{"goals": ["g1"]}]}"#,
        );
        assert!(done);
        assert_eq!(v["schema_version"], "2.0");
        assert!(v.get("$schema").is_none() && v.get("goals").is_none());
        assert_eq!(v["nodes"][0]["children"][0]["children"], serde_json::json!([]));
        assert_eq!(v["voices"][0]["nodes"], serde_json::json!(["g1"]));
        assert_eq!(v["levels"][2]["numbering"], "parenthesized");
        assert_eq!(v["levels"][0]["name"]["ja"], "基本目標");
    }
}
