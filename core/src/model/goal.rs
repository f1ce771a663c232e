//! Basic goals (基本目標) and their activity targets (活動目標).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Indicator, Initiative, Text};

/// A basic goal (基本目標), numbered 基本目標Ⅰ, Ⅱ, ….
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's id.
    pub id: Id,
    /// Its ordinal, from 1; rendered 基本目標Ⅰ.
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The goal, such as お互いを大切にし合うひとづくり.
    pub title: Text,
    /// What the plan says the goal means and how it will be pursued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its activity targets (活動目標), at least one.
    #[schemars(length(min = 1))]
    pub targets: Vec<Target>,
    /// Evaluation indicators for the goal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// An activity target (活動目標) under a basic goal, numbered 活動目標1, 2, … within it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target's id.
    pub id: Id,
    /// Its ordinal within the goal, from 1.
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The target, such as 互いに支えあう意識の醸成.
    pub title: Text,
    /// A longer explanation, if the plan gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its specific initiatives (具体的取り組み), at least one.
    #[schemars(length(min = 1))]
    pub initiatives: Vec<Initiative>,
    /// Evaluation indicators for the target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}
