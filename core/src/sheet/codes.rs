//! The values a column takes: a codelist of the format, the ids of another table, or the grades
//! of one of the plan's scales. The xlsx writer turns each into a drop-down list.

use crate::model::{
    ActorKind, Comparator, Condition, Direction, HelpModelKind, IndicatorKind, LineageChange, NumberStyle,
    PublisherKind, Rollup, ValueType,
};

/// The codes sheet's key and names: written by the xlsx export, skipped by the import.
pub const CODES_SHEET: (&str, &str, &str) = ("codes", "コード表", "Codes");

/// What a column's cells may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    /// Any text or number.
    Free,
    /// A code of a codelist.
    List(CodeList),
    /// An id from the `column` of the table `table` (actors' ids, the help model's sectors …):
    /// the drop-down reads that column of the workbook itself, so an id added there is offered
    /// at once.
    Ref {
        /// The table's key.
        table: &'static str,
        /// The column's key.
        column: &'static str,
    },
    /// A grade code of the plan's scale at this index (`evaluation.scales[i]`).
    Scale(usize),
}

/// The codelists the sheets use: the format's enumerations, and the sheet-only lists that say
/// which part a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeList {
    /// `TRUE` / `FALSE`.
    Flag,
    /// [`HelpModelKind`].
    HelpModelKind,
    /// [`NumberStyle`].
    NumberStyle,
    /// [`ActorKind`].
    ActorKind,
    /// [`PublisherKind`].
    PublisherKind,
    /// [`IndicatorKind`].
    IndicatorKind,
    /// [`ValueType`].
    ValueType,
    /// [`Direction`].
    Direction,
    /// [`Comparator`].
    Comparator,
    /// [`LineageChange`].
    LineageChange,
    /// [`Condition`].
    Condition,
    /// [`Rollup`].
    Rollup,
    /// What an indicator belongs to: [`INDICATOR_OWNERS`].
    IndicatorOwner,
    /// What a lineage row belongs to: [`LINEAGE_OWNERS`].
    LineageOwner,
    /// Which list of ids a link row belongs to: [`LINK_LISTS`].
    LinkList,
}

/// (code, Japanese, English) of what an indicator is hung on.
pub const INDICATOR_OWNERS: [(&str, &str, &str); 5] = [
    ("plan", "計画全体", "the plan"),
    ("node", "体系の項目", "a node"),
    ("project", "事業", "a project"),
    ("priority_project", "重点プロジェクト", "a priority project"),
    ("sub_plan", "包含する計画", "a sub-plan"),
];

/// (code, Japanese, English) of what a lineage row is hung on.
pub const LINEAGE_OWNERS: [(&str, &str, &str); 3] = [
    ("node", "体系の項目", "a node"),
    ("challenge", "課題", "a challenge"),
    ("indicator", "指標", "an indicator"),
];

/// (code, Japanese, English) of every list of ids the `links` table holds: `table.field`, the
/// owner's table and the field the list fills.
pub const LINK_LISTS: [(&str, &str, &str); 11] = [
    (
        "nodes.challenges",
        "項目が応える課題",
        "challenges a node addresses",
    ),
    (
        "nodes.attributed_to",
        "項目の策定主体",
        "publishers a node is attributed to",
    ),
    (
        "nodes.sub_plans",
        "項目が属する包含計画",
        "sub-plans a node belongs to",
    ),
    (
        "nodes.districts",
        "項目の対象地区",
        "districts a node is limited to",
    ),
    ("nodes.bases", "項目の拠点", "bases a node works from"),
    ("nodes.phases", "項目の実施期", "phases a node runs in"),
    (
        "projects.attributed_to",
        "事業の策定主体",
        "publishers a project is attributed to",
    ),
    ("projects.phases", "事業の実施期", "phases a project runs in"),
    (
        "priority_projects.nodes",
        "重点プロジェクトの項目",
        "nodes a priority project bundles",
    ),
    (
        "voices.challenges",
        "声が語る課題",
        "challenges a voice speaks to",
    ),
    (
        "voices.nodes",
        "声が添えられた項目",
        "nodes a voice is quoted beside",
    ),
];

/// `TRUE` is how xlsx and CSV write a set flag.
const FLAGS: [(&str, &str, &str); 2] = [("TRUE", "はい", "yes"), ("FALSE", "いいえ", "no")];

impl CodeList {
    /// Every list, in the order the codes sheet shows them.
    pub const ALL: [CodeList; 15] = [
        CodeList::Flag,
        CodeList::HelpModelKind,
        CodeList::NumberStyle,
        CodeList::ActorKind,
        CodeList::PublisherKind,
        CodeList::IndicatorKind,
        CodeList::ValueType,
        CodeList::Direction,
        CodeList::Comparator,
        CodeList::LineageChange,
        CodeList::Condition,
        CodeList::Rollup,
        CodeList::IndicatorOwner,
        CodeList::LineageOwner,
        CodeList::LinkList,
    ];

    /// The list's key, as the codes sheet names it.
    pub fn key(self) -> &'static str {
        match self {
            CodeList::Flag => "flag",
            CodeList::HelpModelKind => "help_model_kind",
            CodeList::NumberStyle => "number_style",
            CodeList::ActorKind => "actor_kind",
            CodeList::PublisherKind => "publisher_kind",
            CodeList::IndicatorKind => "indicator_kind",
            CodeList::ValueType => "value_type",
            CodeList::Direction => "direction",
            CodeList::Comparator => "comparator",
            CodeList::LineageChange => "lineage_change",
            CodeList::Condition => "condition",
            CodeList::Rollup => "rollup",
            CodeList::IndicatorOwner => "indicator_owner",
            CodeList::LineageOwner => "lineage_owner",
            CodeList::LinkList => "link_list",
        }
    }

    /// (code, Japanese label, English label) of every entry, in codelist order.
    pub fn entries(self) -> Vec<(&'static str, &'static str, &'static str)> {
        fn all<T: Copy>(
            xs: &[T],
            f: fn(T) -> (&'static str, &'static str, &'static str),
        ) -> Vec<(&'static str, &'static str, &'static str)> {
            xs.iter().map(|&x| f(x)).collect()
        }
        match self {
            CodeList::Flag => FLAGS.to_vec(),
            CodeList::HelpModelKind => all(&HelpModelKind::ALL, HelpModelKind::labels),
            CodeList::NumberStyle => all(&NumberStyle::ALL, NumberStyle::labels),
            CodeList::ActorKind => all(&ActorKind::ALL, ActorKind::labels),
            CodeList::PublisherKind => all(&PublisherKind::ALL, PublisherKind::labels),
            CodeList::IndicatorKind => all(&IndicatorKind::ALL, IndicatorKind::labels),
            CodeList::ValueType => all(&ValueType::ALL, ValueType::labels),
            CodeList::Direction => all(&Direction::ALL, Direction::labels),
            CodeList::Comparator => all(&Comparator::ALL, Comparator::labels),
            CodeList::LineageChange => all(&LineageChange::ALL, LineageChange::labels),
            CodeList::Condition => all(&Condition::ALL, Condition::labels),
            CodeList::Rollup => all(&Rollup::ALL, Rollup::labels),
            CodeList::IndicatorOwner => INDICATOR_OWNERS.to_vec(),
            CodeList::LineageOwner => LINEAGE_OWNERS.to_vec(),
            CodeList::LinkList => LINK_LISTS.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_codelist_has_distinct_codes() {
        for list in CodeList::ALL {
            let mut codes: Vec<&str> = list.entries().iter().map(|e| e.0).collect();
            let n = codes.len();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), n, "{}", list.key());
            assert!(n > 0, "{}", list.key());
        }
    }
}
