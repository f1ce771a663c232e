//! The plan's own tree: one to five levels below the philosophy, each level named and numbered
//! the plan's way (基本目標 → 活動目標 → 具体的取り組み, or 基本目標 → 施策 → 施策の方向 →
//! 主な取り組み → 事業), and the projects (事業) and participations hung on its nodes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Indicator, Lineage, Text};

/// The most levels a plan's tree may have below the philosophy.
pub const MAX_LEVELS: usize = 5;

/// One level of the plan's tree, as the plan names and numbers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level's id, such as `goal` or `initiative`: named levels are reached by it.
    pub id: Id,
    /// What the plan calls the level, such as 基本目標 / Basic goal.
    pub name: Text,
    /// How the plan numbers the level's nodes.
    pub numbering: NumberStyle,
    /// Whether numbers run straight through the whole plan (通し番号, so residents can say
    /// 「取り組み14」) instead of restarting under each parent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub running: bool,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// How a level's nodes are numbered. Roman and Arabic numbers follow the level's name
/// (基本目標Ⅰ, 活動目標1); the others stand alone ((1), ①, 1-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// Ⅰ, Ⅱ, Ⅲ … after the level's name: 基本目標Ⅰ.
    Roman,
    /// 1, 2, 3 … after the level's name: 活動目標1.
    Arabic,
    /// (1), (2), (3) ….
    Parenthesized,
    /// ①, ②, ③ ….
    Circled,
    /// The parent's number and the node's, joined by hyphens: 1-2, 1-2-3.
    Compound,
    /// Not numbered: a bullet list.
    None,
}

impl NumberStyle {
    /// Every style, in codelist order.
    pub const ALL: [NumberStyle; 6] = [
        NumberStyle::Roman,
        NumberStyle::Arabic,
        NumberStyle::Parenthesized,
        NumberStyle::Circled,
        NumberStyle::Compound,
        NumberStyle::None,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            NumberStyle::Roman => ("roman", "ローマ数字（Ⅰ）", "Roman numerals (I)"),
            NumberStyle::Arabic => ("arabic", "算用数字（1）", "Arabic numerals (1)"),
            NumberStyle::Parenthesized => (
                "parenthesized",
                "括弧付き数字（(1)）",
                "parenthesised numbers ((1))",
            ),
            NumberStyle::Circled => ("circled", "丸数字（①）", "circled numbers (①)"),
            NumberStyle::Compound => ("compound", "枝番（1-1）", "compound numbers (1-1)"),
            NumberStyle::None => ("none", "番号なし", "not numbered"),
        }
    }
}

/// A node of the plan's tree at any level: a basic goal, a policy direction, an initiative, a
/// project line… What level it is follows from its depth, and the plan's `levels` say what
/// that level is called and how it is numbered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// The node's id.
    pub id: Id,
    /// Its ordinal, from 1: within its parent, or through the whole plan for a running level.
    /// Absent on a level that is not numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub number: Option<u32>,
    /// The node, such as お互いを大切にし合うひとづくり or 見守り体制の強化.
    pub title: Text,
    /// What the plan says of it; a node may hold only this (今後検討).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Whether the plan marks it as a priority (重点).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub priority: bool,
    /// The challenges (課題) it addresses (ids): the plan's traceability.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Id>,
    /// Who takes part, and in which help sector.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participation>,
    /// In a joint plan, the publishers it is attributed to (ids); for example the city's
    /// 地域福祉計画 or the social welfare council's 地域福祉活動計画.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<Id>,
    /// The sub-plans (ids) it belongs to, such as a 再犯防止推進計画.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_plans: Vec<Id>,
    /// The districts (ids) it is limited to; empty means city-wide.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<Id>,
    /// The bases (拠点, ids) it works from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<Id>,
    /// The phases (期, ids) it runs in, such as 前期; empty means the whole period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Id>,
    /// Concrete projects (事業) under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// Evaluation indicators for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The parts of the previous edition it continues, and how (継続・文言修正・移動・統合・分割).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineage: Vec<Lineage>,
    /// The nodes of the next level under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// An actor's part in a node, and the help sector it acts in there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participation {
    /// The actor (id).
    pub actor: Id,
    /// The help sector it acts in here (a code of the plan's help model), if the plan says;
    /// plans whose role tables are by body need none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Id>,
    /// What it does, if the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A concrete project (事業) listed under a node, numbered ①, ② … within it, or not at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The project's id.
    pub id: Id,
    /// Its ordinal within the node, from 1, if the plan numbers projects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub number: Option<u32>,
    /// The project's name.
    pub title: Text,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The department or body in charge (担当課), if the plan names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Text>,
    /// In a joint plan, the publishers it is attributed to (ids): the city or the council.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributed_to: Vec<Id>,
    /// The phases (ids) it runs in; empty means the whole period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Id>,
    /// Evaluation indicators for it (活動指標, usually).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A cross-cutting priority project (重点プロジェクト) that bundles nodes from several goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityProject {
    /// Its id.
    pub id: Id,
    /// Its ordinal among the priority projects, if the plan numbers them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub number: Option<u32>,
    /// Its name.
    pub title: Text,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The nodes it bundles (ids).
    pub nodes: Vec<Id>,
    /// Evaluation indicators for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}
