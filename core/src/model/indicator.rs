//! Evaluation indicators (評価指標) with baselines and targets by fiscal year.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{FiscalYear, Id, Text};

/// An evaluation indicator (評価指標・成果指標) attached to a goal, target or initiative:
/// a baseline (現状値) and target values (目標値) by fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's id, which progress reports refer to.
    pub id: Id,
    /// What is measured.
    pub name: Text,
    /// The unit, such as 人 or %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// The value when the plan was written (現状値). The year may precede the plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// The values the plan aims for (目標値); each year must lie in the plan period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Observation>,
}

/// A value of an indicator in a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The fiscal year.
    pub fiscal_year: FiscalYear,
    /// The value.
    pub value: f64,
}
