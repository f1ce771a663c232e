//! The diff as data: what the JSON form, the text and the HTML table are made from.

use schemars::JsonSchema;
use serde::Serialize;

use super::fields::FieldChange;
use crate::model::{FiscalYear, Id, Lang, Text};

/// What changed between two documents, with the documents named for headings.
///
/// Its JSON form is `serde_json::to_string_pretty(&diff)`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Diff {
    /// The earlier document (旧).
    pub old: Document,
    /// The later document (新).
    pub new: Document,
    /// The changes, by part kind and then in the new document's order.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One of the two documents compared.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Document {
    /// A plan or a progress report.
    pub document: DocumentKind,
    /// Its id.
    pub id: Id,
    /// Its title: the plan's, or for a report the year it evaluates (令和7年度 進行管理).
    pub title: Text,
    /// The plan's edition (第n期), if numbered; for a report, that of the plan it evaluates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<u32>,
    /// For a report, the fiscal year it evaluates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<FiscalYear>,
}

/// What kind of document was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A plan (計画).
    Plan,
    /// A progress report (進行管理の評価).
    ProgressReport,
}

/// One change: the part or parts it concerns on each side, how they were paired, and the
/// fields that differ.
///
/// `old` is empty for an added part and `new` for a removed one; a merge has several old
/// parts and a split several new ones. Added and removed parts were paired with nothing, so
/// they have no `matched_by`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// To what kind of part.
    pub part: PartKind,
    /// The part or parts in the earlier document.
    pub old: Vec<Side>,
    /// The part or parts in the later document.
    pub new: Vec<Side>,
    /// How the two sides were paired; `similarity` only for a guess.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub matched: Option<Matched>,
    /// The fields that differ, old and new.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// Whether the pairing is a guess by similarity, which a reader should confirm.
    pub fn is_guess(&self) -> bool {
        matches!(self.matched, Some(Matched::Similarity { .. }))
    }
}

/// What happened to a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the later document (新設).
    Added,
    /// Only in the earlier document (削除).
    Removed,
    /// Its title, name, description or other wording changed (文言修正).
    Reworded,
    /// It sits under another parent (移動), its wording perhaps changed too.
    Moved,
    /// Several parts became one (統合).
    Merged,
    /// One part became several (分割).
    Split,
    /// A value, grade, target or other non-textual field changed (変更).
    Changed,
}

impl ChangeKind {
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ChangeKind::Added => ("added", "新設", "added"),
            ChangeKind::Removed => ("removed", "削除", "removed"),
            ChangeKind::Reworded => ("reworded", "文言修正", "reworded"),
            ChangeKind::Moved => ("moved", "移動", "moved"),
            ChangeKind::Merged => ("merged", "統合", "merged"),
            ChangeKind::Split => ("split", "分割", "split"),
            ChangeKind::Changed => ("changed", "変更", "changed"),
        }
    }
}

/// What kind of part changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// A node of the plan's tree or a district's (基本目標, 活動目標, 取り組み …).
    Node,
    /// A challenge (課題).
    Challenge,
    /// An actor (担い手).
    Actor,
    /// An indicator (評価指標).
    Indicator,
    /// A report's actual value of an indicator (実績値).
    Observation,
    /// A report's evaluation of a node: grades, what was done, what remains, what comes next.
    NodeEntry,
    /// A committee member's opinion and the city's answer (委員の意見).
    Opinion,
}

impl PartKind {
    /// (code, Japanese label, English label), the labels as headings of a group of changes.
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            PartKind::Node => ("node", "計画の体系", "Plan structure"),
            PartKind::Challenge => ("challenge", "課題", "Challenges"),
            PartKind::Actor => ("actor", "担い手", "Actors"),
            PartKind::Indicator => ("indicator", "評価指標", "Indicators"),
            PartKind::Observation => ("observation", "指標の実績値", "Actual values"),
            PartKind::NodeEntry => ("node_entry", "取り組みの評価", "Evaluations of nodes"),
            PartKind::Opinion => ("opinion", "委員の意見", "Opinions"),
        }
    }
}

/// How the old and new sides of a change were paired.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "matched_by", rename_all = "snake_case")]
pub enum Matched {
    /// The same id on both sides.
    Id,
    /// The new part names the old one in its `lineage`.
    Lineage,
    /// The same wording on both sides (opinions, which have no id).
    Text,
    /// A guess: the texts are alike (character-bigram Dice coefficient, 0 to 1).
    Similarity {
        /// How alike the texts are, rounded to two decimals.
        similarity: f64,
    },
}

impl Matched {
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Matched::Id => ("id", "ID一致", "same id"),
            Matched::Lineage => ("lineage", "継承元の指定", "declared lineage"),
            Matched::Text => ("text", "同一文言", "same wording"),
            Matched::Similarity { .. } => ("similarity", "推定（文言の類似）", "guess (similar wording)"),
        }
    }
}

/// A part as it stands on one side of a change.
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
pub struct Side {
    /// Its id; none for an opinion, which has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// Its label in the document's own numbering (基本目標Ⅰ, (3), ②, 意見1), if numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// For a node, what its level is called (基本目標, 具体的取り組み).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Text>,
    /// Its title or name; none for a report's entries, which refer to the plan's parts by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// What holds it: a node's parent node; an indicator's node, project, priority project
    /// or sub-plan. None at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<PartRef>,
    /// The district whose own plan holds it (地区別計画), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<PartRef>,
    /// For a node added or removed with its subtree, the nodes under it that were added or
    /// removed with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Side>,
}

impl Side {
    /// The label and title in `lang`, as a reader sees the part: `基本目標Ⅰ お互いを…`, and
    /// with the level's name where the label lacks it: `具体的取り組み(2) 見守り体制の強化`.
    pub fn heading(&self, lang: Lang) -> String {
        let title = self.title.as_ref().map(|t| t.get(lang));
        match (self.full_label(lang), title) {
            (Some(l), Some(t)) => format!("{l} {t}"),
            (Some(s), None) => s,
            (None, Some(s)) => s.to_owned(),
            (None, None) => String::new(),
        }
    }

    /// The label in `lang`, after the level's name when the label does not start with it.
    pub fn full_label(&self, lang: Lang) -> Option<String> {
        let label = self.label.as_ref().map(|l| l.get(lang));
        let level = self.level.as_ref().map(|l| l.get(lang));
        match (level, label) {
            (Some(level), Some(label)) if !label.starts_with(level) => Some(match lang {
                Lang::Ja => format!("{level}{label}"),
                Lang::En => format!("{level} {label}"),
            }),
            (_, label) => label.map(str::to_owned),
        }
    }
}

/// A part that holds another, as named on one side.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PartRef {
    /// Its id.
    pub id: Id,
    /// Its label in the document's numbering, if numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// Its title or name.
    pub title: Text,
}

impl PartRef {
    /// The label and title in `lang`.
    pub fn heading(&self, lang: Lang) -> String {
        match &self.label {
            Some(l) => format!("{} {}", l.get(lang), self.title.get(lang)),
            None => self.title.get(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_lists_how_a_change_was_matched_as_optional_properties() {
        let schema = serde_json::to_value(schemars::schema_for!(Diff)).unwrap();
        let change = &schema["$defs"]["Change"];
        let text = change.to_string();
        assert!(
            text.contains("matched_by") && text.contains("similarity"),
            "{text}"
        );
        let required: Vec<&str> = change["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        assert!(
            required.contains(&"kind") && !required.contains(&"matched_by"),
            "{required:?}"
        );
    }

    #[test]
    fn a_change_serialises_its_match_flat_beside_its_kind() {
        let change = Change {
            kind: ChangeKind::Reworded,
            part: PartKind::Challenge,
            old: vec![],
            new: vec![],
            matched: Some(Matched::Similarity { similarity: 0.83 }),
            fields: vec![],
        };
        let json = serde_json::to_value(&change).unwrap();
        assert_eq!(json["kind"], "reworded");
        assert_eq!(json["part"], "challenge");
        assert_eq!(json["matched_by"], "similarity");
        assert_eq!(json["similarity"], 0.83);
        assert!(json.get("fields").is_none());
    }
}
