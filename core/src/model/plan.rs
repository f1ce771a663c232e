//! The plan document: the root of the exchange format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// The version of the exchange format this library writes.
pub const SCHEMA_VERSION: &str = "1.0";

/// The format versions this library reads.
pub const SUPPORTED_SCHEMA_VERSIONS: &[&str] = &["1.0"];

/// A municipality's regional welfare plan (地域福祉計画) as one document.
///
/// Parse one with [`crate::load`] or [`crate::check`], which also validate it; write one with
/// [`Plan::to_canonical_json`].
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// assert_eq!(plan.goals.len(), 3);
/// assert_eq!(plan.initiatives().count(), 19);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Regional welfare plan (地域福祉計画)",
    description = "A Japanese municipality's regional welfare plan (地域福祉計画) as one document: its municipality and period, basic philosophy (基本理念), help model (自助・共助・公助), challenges (課題), basic goals (基本目標) with activity targets (活動目標) and specific initiatives (具体的取り組み), and the actors (担い手) who carry them. Ids are stable strings; references are by id."
)]
pub struct Plan {
    /// The exchange format version the document follows.
    #[schemars(extend("enum" = ["1.0"]))]
    pub schema_version: String,
    /// The plan's id, which progress reports refer to.
    pub id: Id,
    /// The plan's title, such as 第3期飯塚市地域福祉計画.
    pub title: Text,
    /// The edition (第n期), if the plan is numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub edition: Option<u32>,
    /// The municipality that adopts the plan.
    pub municipality: Municipality,
    /// The plan period (計画期間) in fiscal years.
    pub period: Period,
    /// When the plan was published (発行年月).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<YearMonth>,
    /// Who publishes it (策定主体): one, or two for a joint plan.
    #[schemars(length(min = 1))]
    pub publishers: Vec<Publisher>,
    /// The basic philosophy (基本理念).
    pub philosophy: Philosophy,
    /// The help model (自助・共助・公助) and the plan's definitions of its sectors.
    pub help_model: HelpModel,
    /// Narrative sections the structured fields do not hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overview: Vec<Section>,
    /// The challenges (課題) the plan sets out to meet.
    pub challenges: Vec<Challenge>,
    /// Residents' voices the plan quotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Voice>,
    /// The basic goals (基本目標), at least one.
    #[schemars(length(min = 1))]
    pub goals: Vec<Goal>,
    /// The actors (担い手) who carry the plan.
    pub actors: Vec<Actor>,
    /// Sub-plans the plan declares it contains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_plans: Vec<SubPlan>,
    /// Districts (地区) initiatives and bases can belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<District>,
    /// Bases (拠点) of community welfare work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<Base>,
    /// The documents the data was taken from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// Where an initiative sits: its goal and target, found by [`Plan::initiatives`].
#[derive(Debug, Clone, Copy)]
pub struct InitiativeRef<'a> {
    /// Index of the goal in `plan.goals`.
    pub goal_index: usize,
    /// Index of the target in the goal's `targets`.
    pub target_index: usize,
    /// Index of the initiative in the target's `initiatives`.
    pub initiative_index: usize,
    /// The goal.
    pub goal: &'a Goal,
    /// The target.
    pub target: &'a Target,
    /// The initiative.
    pub initiative: &'a Initiative,
}

impl Plan {
    /// Every initiative in document order, with its goal and target.
    pub fn initiatives(&self) -> impl Iterator<Item = InitiativeRef<'_>> + '_ {
        self.goals.iter().enumerate().flat_map(|(gi, goal)| {
            goal.targets.iter().enumerate().flat_map(move |(ti, target)| {
                target
                    .initiatives
                    .iter()
                    .enumerate()
                    .map(move |(ii, initiative)| InitiativeRef {
                        goal_index: gi,
                        target_index: ti,
                        initiative_index: ii,
                        goal,
                        target,
                        initiative,
                    })
            })
        })
    }

    /// The initiatives in which some actor takes part in `sector`.
    pub fn initiatives_in_sector(&self, sector: HelpSector) -> impl Iterator<Item = InitiativeRef<'_>> + '_ {
        self.initiatives()
            .filter(move |r| r.initiative.participants.iter().any(|p| p.sector == sector))
    }

    /// The initiatives that address the challenge `challenge_id`.
    pub fn initiatives_addressing<'a>(
        &'a self,
        challenge_id: &'a str,
    ) -> impl Iterator<Item = InitiativeRef<'a>> + 'a {
        self.initiatives()
            .filter(move |r| r.initiative.challenges.iter().any(|c| c.as_str() == challenge_id))
    }

    /// The actor with id `id`.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id.as_str() == id)
    }

    /// The challenge with id `id`.
    pub fn challenge(&self, id: &str) -> Option<&Challenge> {
        self.challenges.iter().find(|c| c.id.as_str() == id)
    }

    /// Canonical JSON: fields in the format's order, two-space indentation, UTF-8 without
    /// escapes, a trailing newline. Export → load → export is byte-identical, so diffs between
    /// plan versions stay clean.
    pub fn to_canonical_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}
