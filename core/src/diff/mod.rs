//! What changed between two editions of a plan (新旧対照表), or between two progress reports
//! (two years, or two drafts of one year): typed changes that the CLI prints, the bindings
//! hand over as JSON, and [`html`] lays out as the table a committee reads.
//!
//! ```
//! let plan = welfare_plan::iizuka::third_plan();
//! let mut next = plan.clone();
//! next.nodes[0].title.ja = "互いを尊重し合うひとづくり".to_owned();
//! let diff = welfare_plan::diff::plans(&plan, &next);
//! assert_eq!(diff.changes.len(), 1);
//! assert_eq!(diff.changes[0].kind, welfare_plan::diff::ChangeKind::Reworded);
//! assert!(welfare_plan::diff::plans(&plan, &plan).is_empty());
//! ```
//!
//! How parts are paired, in this order (see [`plans`] for the details and [`SIMILARITY_THRESHOLD`]
//! for the guesses): by id, then by the new edition's declared [`crate::Lineage`], then by
//! text similarity, which is a guess and is marked as one everywhere it is shown.

mod changes;
mod editions;
mod fields;
mod guesses;
mod html;
mod matching;
mod parts;
mod reports;
mod similarity;
mod text;
mod types;

pub use fields::{Field, FieldChange, Value};
pub use similarity::{CONTAINMENT_THRESHOLD, SIMILARITY_THRESHOLD};
pub use types::{Change, ChangeKind, Diff, Document, DocumentKind, Matched, PartKind, PartRef, Side};

use crate::model::{Lang, Plan};
use crate::report::ProgressReport;

/// What changed from `old` to `new`: nodes (at every level, district plans' included),
/// challenges, actors and indicators added, removed, reworded, moved, merged or split.
///
/// Parts are paired in four steps, each only among the parts the earlier ones left:
/// 1. **By id**: the same id in both is the same part.
/// 2. **By lineage**: a new part naming `from: X` is paired with old part X. Parts linked by
///    ids and lineage form groups: one old and several new is a split (分割), several old and
///    one new a merge (統合). What a one-to-one pair's change is follows from the texts and the
///    parents, not from what the lineage declares (a part declared unchanged whose text differs
///    is reported reworded).
/// 3. **By similarity** (a guess): first guessed splits and merges (one unmatched old node or
///    challenge whose text contains, each at [`CONTAINMENT_THRESHOLD`] or more, the texts of
///    two or more unmatched new ones under one parent, when their texts together are closer
///    to it than any one alone and at least [`SIMILARITY_THRESHOLD`]; merges the other way
///    round), then pairs, greedily best first, at [`SIMILARITY_THRESHOLD`] or more. Only parts
///    of one kind are compared, and nodes only within one tree (the plan's or one district's)
///    and at one depth.
/// 4. What remains is removed (old only) or added (new only).
///
/// Guessing compares every unmatched old part of a kind with every unmatched new one; past
/// a million such pairs (two unrelated plans of a thousand parts each) no guess is made.
///
/// A paired part is **moved** when its parent differs (for a node, when the old parent's
/// partner is not the new parent, or its depth or tree changed; for an indicator, the node,
/// project or other part that holds it); a moved part whose text also changed is one change
/// of kind moved with the changed fields listed. Otherwise it is **changed** when a field
/// other than wording differs (an indicator's unit, baseline or targets), and **reworded**
/// when only wording does (title, name, description, definition). A part paired with nothing
/// changed, its id aside, is not reported. Renumbering alone is no change: both sides show
/// their labels.
///
/// A node added or removed with its subtree is one change; the subtree's added or removed
/// nodes are listed in its side's `children`. Changes run by part kind (nodes, challenges,
/// actors, indicators), then in the new edition's document order; a removed node stands just
/// after its old parent's partner, other removed parts just after their preceding partner.
pub fn plans(old: &Plan, new: &Plan) -> Diff {
    editions::diff(old, new)
}

/// What changed between two progress reports (two years, or two drafts of one year):
/// observations' values, node entries' grades and texts, opinions.
///
/// Observations are paired by indicator id and node entries by node id; opinions, which have
/// no id, by identical wording and then by similarity (a guess). A paired part whose values
/// or grades differ is **changed**; one whose only difference is wording is **reworded**.
///
/// ```
/// # let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/progress/synthetic-hoshizora-report-2025.json")).unwrap();
/// let report = welfare_plan::report::parse_report(&bytes, &welfare_plan::Limits::default()).report.unwrap();
/// assert!(welfare_plan::diff::reports(&report, &report).is_empty());
/// ```
pub fn reports(old: &ProgressReport, new: &ProgressReport) -> Diff {
    reports::diff(old, new)
}

/// Plain text, one change per line (with a line per changed field below it), in Japanese or
/// English: what `welfare-plan diff` prints. Guesses say so and give their similarity.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let diff = welfare_plan::diff::plans(&plan, &plan);
/// assert_eq!(welfare_plan::diff::text(&diff, welfare_plan::Lang::En).lines().last(), Some("No changes."));
/// ```
pub fn text(diff: &Diff, lang: Lang) -> String {
    text::render(diff, lang)
}

/// A self-contained HTML page (inline CSS, no script): the 新旧対照表, one table per part kind
/// with 旧 (old) | 新 (new) | 変更 (change) columns and one row per change, each side with the
/// plan's label (基本目標Ⅰ …), title and id; guesses marked as guesses. Every text from the
/// documents is escaped.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let page = welfare_plan::diff::html(&welfare_plan::diff::plans(&plan, &plan), welfare_plan::Lang::Ja);
/// assert!(page.starts_with("<!DOCTYPE html>") && !page.contains("<script"));
/// ```
pub fn html(diff: &Diff, lang: Lang) -> String {
    html::render(diff, lang)
}
