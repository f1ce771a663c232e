//! The plan's narrative sections and the sources the data was taken from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Text};

/// A narrative section of the plan that the structured fields do not hold, such as
/// 地域福祉ってなに？ or 地域共生社会とは, or a banner line with no heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's id.
    pub id: Id,
    /// Its heading; none for a banner or a lead paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Text>,
    /// Its body.
    pub body: Text,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// The basic philosophy (基本理念).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Philosophy {
    /// The philosophy itself.
    pub statement: Text,
    /// Its subtitle (副題), such as ～誰もが安心して暮らせるまち いいづか～.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
    /// The plan's explanation of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A document the data was taken from, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document's title.
    pub title: Text,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How the data relates to it: what is verbatim and what was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}
