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

use serde_json::{json, Map, Value};

use crate::error::{Issue, IssueCode, Path, PathSegment};
use crate::Limits;

/// The levels every 1.0 document had, as 2.0 declares them.
fn v1_levels() -> Value {
    json!([
        {"id": "goal", "name": {"ja": "基本目標", "en": "Basic goal"}, "numbering": "roman"},
        {"id": "target", "name": {"ja": "活動目標", "en": "Activity target"}, "numbering": "arabic"},
        {"id": "initiative", "name": {"ja": "具体的取り組み", "en": "Specific initiative"}, "numbering": "parenthesized"}
    ])
}

/// Whether `doc` is a 1.0 document: it says so or has `goals`, and has no `nodes`. Such a document is read through
/// the upgrade whatever version it claims, so that a 1.0 document with a wrong version is told
/// its version is wrong, not that every part of it is.
pub(crate) fn is_v1_shaped(doc: &Value) -> bool {
    let says_v1 = doc.get("schema_version").and_then(Value::as_str) == Some("1.0");
    (says_v1 || doc.get("goals").is_some()) && doc.get("nodes").is_none()
}

/// Renames `from` to `to` in `obj`, unless `to` is already there (then both stay, and the
/// 2.0 checks report `from` as an unknown field where the user wrote it).
fn rename(obj: &mut Map<String, Value>, from: &str, to: &str) {
    if obj.contains_key(to) {
        return;
    }
    if let Some(v) = obj.remove(from) {
        obj.insert(to.to_owned(), v);
    }
}

/// Applies `f` to every object of the array at `key` in `obj`.
fn each(obj: &mut Map<String, Value>, key: &str, mut f: impl FnMut(&mut Map<String, Value>)) {
    if let Some(Value::Array(items)) = obj.get_mut(key) {
        items.iter_mut().filter_map(Value::as_object_mut).for_each(&mut f);
    }
}

/// Turns a 1.0 document into its 2.0 form in place; `false` (and nothing changed) when the
/// document does not have the 1.0 shape. A `schema_version` other than 1.0 is kept, for the
/// version rule to report.
pub(crate) fn upgrade_value(doc: &mut Value) -> bool {
    if !is_v1_shaped(doc) {
        return false;
    }
    let Some(root) = doc.as_object_mut() else {
        return false;
    };
    if root.get("schema_version").and_then(Value::as_str) == Some("1.0") {
        root.insert("schema_version".into(), Value::String("2.0".into()));
    }
    root.entry("levels").or_insert_with(v1_levels);
    // A `$schema` string named the 1.0 schema, which the upgraded document no longer follows:
    // it is dropped rather than left pointing editors at the wrong schema. (Any other value is
    // kept, for the 2.0 checks to report.)
    if root.get("$schema").is_some_and(Value::is_string) {
        root.remove("$schema");
    }
    rename(root, "goals", "nodes");
    each(root, "nodes", |goal| {
        rename(goal, "targets", "children");
        each(goal, "children", |target| {
            rename(target, "initiatives", "children")
        });
    });
    each(root, "voices", |voice| rename(voice, "goals", "nodes"));
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
pub(crate) fn check_v1(text: &str, mut doc: Value, limits: &Limits) -> crate::Checked {
    upgrade_value(&mut doc);
    let upgraded = serde_json::to_string(&doc).unwrap_or_default();
    let mut checked = crate::parse::check_upgraded(&upgraded, limits);
    for issue in &mut checked.issues {
        issue.path = v1_path(&issue.path);
        issue.line = None;
        issue.column = None;
    }
    // The value kept the last of each repeated key; the text has them all.
    let repeated = crate::parse::duplicate_field_issues(text);
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
        let mut v = json!({"schema_version": "2.0", "goals": [], "nodes": []});
        assert!(!upgrade_value(&mut v));
        assert!(v.get("goals").is_some());
        let mut v = json!({"schema_version": "9.9", "goals": []});
        assert!(upgrade_value(&mut v));
        assert_eq!(v["schema_version"], "9.9");
        let mut v = json!({"schema_version": "1.0", "goals": [{"targets": [{"initiatives": []}]}], "voices": [{"goals": ["g1"]}]});
        assert!(upgrade_value(&mut v));
        assert_eq!(v["nodes"][0]["children"][0]["children"], json!([]));
        assert_eq!(v["voices"][0]["nodes"], json!(["g1"]));
        assert_eq!(v["levels"][2]["numbering"], "parenthesized");
    }
}
