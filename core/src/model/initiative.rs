//! Specific initiatives (具体的取り組み), who takes part in them, and their projects (事業).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, HelpSector, Id, Indicator, Text};

/// A specific initiative (具体的取り組み) under an activity target, numbered (1), (2), ….
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// The initiative's id.
    pub id: Id,
    /// Its ordinal within the target, from 1; rendered (1).
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The initiative, such as 見守り体制の強化.
    pub title: Text,
    /// A longer explanation, if the plan gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Whether the plan marks it as a priority (重点取り組み).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub priority: bool,
    /// The challenges (課題) it addresses (ids): the plan's traceability.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Id>,
    /// Who takes part, and in which help sector.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participation>,
    /// In a joint plan, the publishers the initiative is attributed to (ids); for example the
    /// city's 地域福祉計画 or the social welfare council's 地域福祉活動計画.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<Id>,
    /// The sub-plans (ids) this initiative belongs to, such as a 再犯防止推進計画.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_plans: Vec<Id>,
    /// The districts (ids) it is limited to; empty means city-wide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<Id>,
    /// Concrete projects (事業) under the initiative, where a plan goes one level deeper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Evaluation indicators for the initiative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// An actor's part in an initiative, and the help sector it acts in there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// The actor (id).
    pub actor: Id,
    /// The sector it acts in for this initiative (自助・互助・共助・公助).
    pub sector: HelpSector,
    /// What it does, if the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
}

/// A concrete project (事業) listed under an initiative, numbered ①, ② … within it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project's id.
    pub id: Id,
    /// Its ordinal within the initiative, from 1.
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The project's name.
    pub title: Text,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The department or body in charge (担当課), if the plan names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Text>,
}
