//! Where a part of this edition comes from in the previous one (第2期 → 第3期), so that a
//! diff of two editions follows renamed and moved nodes, and an indicator's series runs across
//! editions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id};

/// A part of the previous edition that this part continues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    /// The id of the part in the previous edition. It names a part of another document, so it
    /// is not resolved against this plan.
    pub from: Id,
    /// How this part continues it.
    pub change: LineageChange,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// How a part continues one of the previous edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineageChange {
    /// Carried over as it was (継続).
    Unchanged,
    /// The same part in new words (文言修正).
    Reworded,
    /// The same part under another parent (移動).
    Moved,
    /// This part joins several of the previous edition (統合); each names it.
    Merged,
    /// This part is one of several that the previous one became (分割).
    Split,
}

impl LineageChange {
    /// Every change, in codelist order.
    pub const ALL: [LineageChange; 5] = [
        LineageChange::Unchanged,
        LineageChange::Reworded,
        LineageChange::Moved,
        LineageChange::Merged,
        LineageChange::Split,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            LineageChange::Unchanged => ("unchanged", "継続", "unchanged"),
            LineageChange::Reworded => ("reworded", "文言修正", "reworded"),
            LineageChange::Moved => ("moved", "移動", "moved"),
            LineageChange::Merged => ("merged", "統合", "merged"),
            LineageChange::Split => ("split", "分割", "split"),
        }
    }
}
