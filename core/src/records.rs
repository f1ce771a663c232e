//! The plan as flat rows, one per initiative: what a spreadsheet, a data frame or an
//! open-data CSV wants.

use serde::Serialize;

use crate::model::numbering::{goal_label, initiative_label, target_label};
use crate::model::{HelpSector, Plan};

/// One initiative with its goal and target, flattened. Every binding's `to_records()` returns
/// these, so the columns are the same in Rust, Python and JavaScript.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeRecord {
    /// The basic goal's id.
    pub goal_id: String,
    /// The basic goal's ordinal.
    pub goal_number: u32,
    /// The basic goal's label, such as 基本目標Ⅰ.
    pub goal_label: String,
    /// The basic goal in Japanese.
    pub goal_title_ja: String,
    /// The basic goal in English, if translated.
    pub goal_title_en: Option<String>,
    /// The activity target's id.
    pub target_id: String,
    /// The activity target's ordinal within the goal.
    pub target_number: u32,
    /// The activity target's label, such as 活動目標1.
    pub target_label: String,
    /// The activity target in Japanese.
    pub target_title_ja: String,
    /// The activity target in English, if translated.
    pub target_title_en: Option<String>,
    /// The initiative's id.
    pub initiative_id: String,
    /// The initiative's ordinal within the target.
    pub initiative_number: u32,
    /// The initiative's label, such as (1).
    pub initiative_label: String,
    /// The initiative in Japanese.
    pub initiative_title_ja: String,
    /// The initiative in English, if translated.
    pub initiative_title_en: Option<String>,
    /// Whether the plan marks it as a priority (重点).
    pub priority: bool,
    /// Whether some actor takes part as 自助.
    pub self_help: bool,
    /// Whether some actor takes part as 互助.
    pub reciprocal_help: bool,
    /// Whether some actor takes part as 共助.
    pub mutual_help: bool,
    /// Whether some actor takes part as 公助.
    pub public_help: bool,
    /// The ids of the actors taking part.
    pub actor_ids: Vec<String>,
    /// The ids of the challenges it addresses.
    pub challenge_ids: Vec<String>,
}

/// One record per initiative, in document order.
///
/// ```
/// let rows = welfare_plan::records::initiative_records(&welfare_plan::iizuka::third_plan());
/// assert_eq!(rows.len(), 19);
/// assert_eq!(rows[0].goal_label, "基本目標Ⅰ");
/// ```
pub fn initiative_records(plan: &Plan) -> Vec<InitiativeRecord> {
    plan.initiatives()
        .map(|r| {
            let (g, t, i) = (r.goal, r.target, r.initiative);
            let has = |s: HelpSector| i.participants.iter().any(|p| p.sector == s);
            InitiativeRecord {
                goal_id: g.id.to_string(),
                goal_number: g.number,
                goal_label: goal_label(g.number).0,
                goal_title_ja: g.title.ja.clone(),
                goal_title_en: g.title.en.clone(),
                target_id: t.id.to_string(),
                target_number: t.number,
                target_label: target_label(t.number).0,
                target_title_ja: t.title.ja.clone(),
                target_title_en: t.title.en.clone(),
                initiative_id: i.id.to_string(),
                initiative_number: i.number,
                initiative_label: initiative_label(i.number),
                initiative_title_ja: i.title.ja.clone(),
                initiative_title_en: i.title.en.clone(),
                priority: i.priority,
                self_help: has(HelpSector::SelfHelp),
                reciprocal_help: has(HelpSector::ReciprocalHelp),
                mutual_help: has(HelpSector::MutualHelp),
                public_help: has(HelpSector::PublicHelp),
                actor_ids: i.participants.iter().map(|p| p.actor.to_string()).collect(),
                challenge_ids: i.challenges.iter().map(ToString::to_string).collect(),
            }
        })
        .collect()
}
