//! The progress report (進行管理の評価): one fiscal year's evaluation of a plan, as its own
//! document type, in the plan's terms (its ids, its scales) and bilingual like the plan.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Extensions, FiscalYear, Id, Quantity, Text};

/// The version of the progress report format this library writes and reads.
pub const REPORT_SCHEMA_VERSION: &str = "1.0";

/// What a progress report says it is, so that a tool given a file knows whether it holds a plan
/// or a report.
pub const REPORT_DOCUMENT: &str = "progress_report";

/// One fiscal year's evaluation of a plan (進行管理): the indicators' actual values, the
/// grades and notes of the plan's nodes, and the committee's opinions with the city's answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Progress report (進行管理の評価)",
    description = "One fiscal year's evaluation of a regional welfare plan (地域福祉計画): actual values of its indicators, grades of its nodes on the plan's scales, what was done and what comes next, and the promotion committee's opinions with the city's answers."
)]
pub struct ProgressReport {
    /// The JSON Schema the document names for editors and validators (such as a path to
    /// `progress-report.schema.json`). The library accepts any string here and keeps it on
    /// export.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `progress_report`: what this document is.
    #[schemars(extend("enum" = ["progress_report"]))]
    pub document: String,
    /// The report format version.
    #[schemars(extend("enum" = ["1.0"]))]
    pub schema_version: String,
    /// The report's id.
    pub id: Id,
    /// The plan the report evaluates.
    pub plan: PlanRef,
    /// The fiscal year evaluated.
    pub fiscal_year: FiscalYear,
    /// Who evaluated (a division, the committee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluated_by: Option<Text>,
    /// When, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub evaluated_on: Option<String>,
    /// The actual values of the plan's indicators this year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Actual>,
    /// The evaluation of each node: grades, what was done, what remains, what comes next.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<NodeReport>,
    /// The committee's opinions and the city's answers (主な意見と市の考え方).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opinions: Vec<Opinion>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// Which plan a report evaluates, exactly: a report written for one edition of a plan must not
/// silently apply to a changed one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanRef {
    /// The plan's id.
    pub id: Id,
    /// Its edition (第n期), if numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub edition: Option<u32>,
    /// `sha256:` and the hex SHA-256 of the plan's canonical JSON (see
    /// [`crate::report::plan_hash`]).
    #[schemars(regex(pattern = r"^sha256:[0-9a-f]{64}$"))]
    pub hash: String,
}

/// An indicator's actual value in the report's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// The indicator (id).
    pub indicator: Id,
    /// The value; `null` when it was not measured (「−」), with a reason.
    pub value: Option<Quantity>,
    /// Why there is no value (調査未実施), when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// A note on the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// The evaluation of one node of the plan in the report's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeReport {
    /// The node (id).
    pub node: Id,
    /// Grades entered by hand, one per scale at most. An entered grade is never overwritten:
    /// a computed one is shown beside it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<EnteredGrade>,
    /// What was done (実施内容).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Text>,
    /// What remains (課題).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<Text>,
    /// What comes next (今後の方向性).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A grade entered by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnteredGrade {
    /// The scale (id).
    pub scale: Id,
    /// The grade's code on that scale.
    pub grade: String,
}

/// A committee member's opinion and the city's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    /// The opinion (主な意見).
    pub opinion: Text,
    /// The city's answer (市の考え方).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Text>,
    /// The nodes it concerns (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Id>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl ProgressReport {
    /// Canonical JSON, as for a plan: export → load → export is byte-identical.
    pub fn to_canonical_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}
