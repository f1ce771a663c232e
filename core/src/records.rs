//! The plan as flat rows, one per initiative (a node of the plan's initiative level): what a
//! spreadsheet, a data frame or an open-data CSV wants.

use serde::Serialize;

use crate::model::{Lang, Plan};

/// One initiative with the nodes above it. The columns are the same for every plan: the
/// levels above are lists, top first, so a two-level plan and a five-level one both fit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeRecord {
    /// Ids of the nodes above the initiative, top first.
    pub parent_ids: Vec<String>,
    /// Their labels in the plan's numbering (基本目標Ⅰ, 活動目標1).
    pub parent_labels: Vec<String>,
    /// Their Japanese titles.
    pub parent_titles_ja: Vec<String>,
    /// The initiative's level (id), such as `initiative`.
    pub level: String,
    /// The initiative's id.
    pub id: String,
    /// Its number, if it has one.
    pub number: Option<u32>,
    /// Its label, such as (1); empty when unnumbered.
    pub label: String,
    /// Its Japanese title.
    pub title_ja: String,
    /// Its English title, if translated.
    pub title_en: Option<String>,
    /// Whether it is a priority (重点).
    pub priority: bool,
    /// The sector codes its participants act in, each once, in the help model's order.
    pub sectors: Vec<String>,
    /// The actors taking part (ids).
    pub actor_ids: Vec<String>,
    /// The challenges it addresses (ids).
    pub challenge_ids: Vec<String>,
}

/// Every initiative of `plan` as a row.
pub fn initiative_records(plan: &Plan) -> Vec<InitiativeRecord> {
    let model_order: Vec<&str> = plan
        .help_model
        .iter()
        .flat_map(|m| &m.sectors)
        .map(|s| s.sector.as_str())
        .collect();
    let level = plan
        .level(plan.initiative_depth())
        .map(|l| l.id.to_string())
        .unwrap_or_default();
    plan.initiatives()
        .map(|r| {
            let mut parents = Vec::new();
            let mut up = r.at.parent();
            while let Some(at) = up {
                parents.push(at);
                up = at.parent();
            }
            parents.reverse();
            let node_of = |at| plan.node_at(at);
            let used = |code: &&&str| {
                r.node
                    .participants
                    .iter()
                    .any(|p| p.sector.as_ref().is_some_and(|s| s.as_str() == **code))
            };
            InitiativeRecord {
                parent_ids: parents
                    .iter()
                    .filter_map(|&a| node_of(a))
                    .map(|n| n.id.to_string())
                    .collect(),
                parent_labels: parents.iter().map(|&a| plan.label_in(a, Lang::Ja)).collect(),
                parent_titles_ja: parents
                    .iter()
                    .filter_map(|&a| node_of(a))
                    .map(|n| n.title.ja.clone())
                    .collect(),
                level: level.clone(),
                id: r.node.id.to_string(),
                number: r.node.number,
                label: plan.label_in(r.at, Lang::Ja),
                title_ja: r.node.title.ja.clone(),
                title_en: r.node.title.en.clone(),
                priority: r.node.priority,
                sectors: model_order.iter().filter(used).map(|s| (*s).to_owned()).collect(),
                actor_ids: r.node.participants.iter().map(|p| p.actor.to_string()).collect(),
                challenge_ids: r.node.challenges.iter().map(ToString::to_string).collect(),
            }
        })
        .collect()
}
