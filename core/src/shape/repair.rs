//! Setting a document's shape problems aside, so that the semantic rules can still run on the
//! rest of it.
//!
//! An unknown field, or a bad value in an optional field, is dropped on its own. A broken
//! required field takes the nearest enclosing list element with it (an initiative whose
//! `number` is `"one"` is left out; its siblings stay). When a problem has no enclosing list
//! element (a broken `municipality`), nothing can be set aside and the rules do not run.
//!
//! Removing elements shifts indices, so the repaired document remembers which original index
//! each kept element had, and [`Repaired::original_path`] maps an issue found on it back to
//! the pointer of the document the user wrote. It also remembers what was left out, so that a
//! rule's finding that is only a consequence of the repair (a reference to an initiative that
//! was left out, a gap in numbering where one was) is not reported as a problem of its own.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Finding, Json, Value};
use crate::error::{Issue, IssueCode, Path, PathSegment};

/// A document with its shape problems set aside, and what was set aside, to map the rules'
/// findings on the rest back to the document as written. Paths are kept as segments, not
/// pointer text: a plan with a problem in each of its ten thousand parts formatted and parsed
/// as many pointers.
pub(crate) struct Repaired<'t> {
    /// The document without the parts that had problems.
    pub value: Value<'t>,
    /// For each list that lost elements (by its original path), the original index of each
    /// element kept.
    kept: FxHashMap<Vec<PathSegment>, Vec<usize>>,
    /// The ids of everything left out.
    removed_ids: FxHashSet<String>,
    /// The optional fields dropped on their own (their original paths).
    dropped: FxHashSet<Vec<PathSegment>>,
}

/// Sets aside every finding's part of `doc`; `None` when one of them cannot be.
pub(crate) fn repair<'t>(mut doc: Value<'t>, findings: &[Finding]) -> Option<Repaired<'t>> {
    let mut keys: Vec<&[PathSegment]> = Vec::new();
    // By the list's path: the indices of the elements to remove from it.
    let mut elements: FxHashMap<&[PathSegment], FxHashSet<usize>> = FxHashMap::default();
    for f in findings {
        let segs = f.path.segments();
        if f.droppable && matches!(segs.last(), Some(PathSegment::Key(_))) {
            keys.push(segs);
            continue;
        }
        let k = segs.iter().rposition(|s| matches!(s, PathSegment::Index(_)))?;
        let (list, index) = (segs.get(..k)?, segs.get(k)?);
        let PathSegment::Index(i) = index else { return None };
        elements.entry(list).or_default().insert(*i);
    }
    let dropped = keys.iter().map(|segs| segs.to_vec()).collect();
    for segs in keys {
        let (last, parent) = segs.split_last()?;
        if let (PathSegment::Key(k), Some(obj)) = (last, doc.at_mut(parent)) {
            obj.remove(k);
        }
    }
    // Deeper lists first: their paths stay valid while their ancestors are untouched. (Lists
    // at the same depth cannot hold one another, so their order does not matter.)
    let mut lists: Vec<(&[PathSegment], FxHashSet<usize>)> = elements.into_iter().collect();
    lists.sort_by_key(|(list, _)| std::cmp::Reverse(list.len()));
    let mut kept = FxHashMap::default();
    let mut removed_ids = FxHashSet::default();
    for (list, gone) in lists {
        let Some(Json::Array(items)) = doc.at_mut(list).map(|v| &mut v.json) else {
            return None;
        };
        let old = std::mem::take(items);
        let mut keep = Vec::with_capacity(old.len());
        for (i, item) in old.into_iter().enumerate() {
            if gone.contains(&i) {
                collect_ids(&item, &mut removed_ids);
            } else {
                keep.push(i);
                items.push(item);
            }
        }
        kept.insert(list.to_vec(), keep);
    }
    Some(Repaired {
        value: doc,
        kept,
        removed_ids,
        dropped,
    })
}

/// Every `id` string in a part of the document, at any depth.
fn collect_ids(v: &Value<'_>, out: &mut FxHashSet<String>) {
    if let Some(id) = v.get("id").and_then(Value::as_str) {
        out.insert(id.to_owned());
    }
    match &v.json {
        Json::Object(members) => members.iter().for_each(|m| collect_ids(&m.value, out)),
        Json::Array(items) => items.iter().for_each(|x| collect_ids(x, out)),
        _ => {}
    }
}

impl Repaired<'_> {
    /// Whether anything was left out (beyond single fields).
    fn removed_elements(&self) -> bool {
        !self.kept.is_empty()
    }

    /// The path, in the document as written, of a path in the repaired document.
    pub fn original_path(&self, path: &Path) -> Path {
        let mut out = Vec::with_capacity(path.segments().len());
        for seg in path.segments() {
            let seg = match seg {
                PathSegment::Index(i) => PathSegment::Index(
                    self.kept
                        .get(out.as_slice())
                        .and_then(|k| k.get(*i))
                        .copied()
                        .unwrap_or(*i),
                ),
                key => key.clone(),
            };
            out.push(seg);
        }
        Path(out)
    }

    /// Whether a rule's issue on the repaired document is only a consequence of what was
    /// left out. `original` is its path in the document as written. (`&mut` only because the
    /// one path lookup is [`Value::at_mut`]: a second, shared lookup is more module size for
    /// this one use.)
    pub fn is_consequence(&mut self, issue: &Issue, original: &Path) -> bool {
        let segs = original.segments();
        // A dropped optional field that a rule then misses (a node's `number`).
        if self.dropped.contains(segs) {
            return true;
        }
        if !self.removed_elements() {
            return false;
        }
        let list_touched = |n: usize| {
            segs.len()
                .checked_sub(n)
                .and_then(|end| segs.get(..end))
                .is_some_and(|list| self.kept.contains_key(list))
        };
        match issue.code {
            // The reference as written in the repaired document, at the issue's own path.
            IssueCode::DanglingReference => (self.value)
                .at_mut(issue.path.segments())
                .and_then(|v| v.as_str())
                .is_some_and(|id| self.removed_ids.contains(id)),
            // `/…/list/3/number`: the list is two segments up.
            IssueCode::NumberingGap | IssueCode::NumberingDuplicate => list_touched(2),
            IssueCode::EmptyCollection => list_touched(0),
            IssueCode::ChallengeUnaddressed | IssueCode::InitiativeWithoutActor => true,
            _ => false,
        }
    }
}
