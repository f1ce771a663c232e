//! Challenges (課題) and the residents' voices quoted beside them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Lineage, Text};

/// A challenge the plan sets out to meet (地域福祉の課題), numbered ①, ②, ….
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    /// The challenge's id, which initiatives refer to.
    pub id: Id,
    /// Its ordinal, from 1; rendered ①, ②, ….
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The challenge in the plan's words.
    pub title: Text,
    /// A longer explanation, if the plan gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The parts of the previous edition it continues, and how (継続・文言修正・移動・統合・分割).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineage: Vec<Lineage>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A resident's voice (市民の声) that the plan quotes, such as the speech bubbles beside the
/// challenges and goals of a summary edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// The voice's id.
    pub id: Id,
    /// What was said, verbatim.
    pub text: Text,
    /// The challenges it speaks to (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Id>,
    /// The nodes it is quoted beside (ids), such as a basic goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Id>,
    /// Whether the links to challenges and nodes were drawn by the data's editors rather
    /// than printed in the plan (a speech bubble beside a page is not a stated link).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub editorial_links: bool,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}
