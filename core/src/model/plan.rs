//! The plan document: the root of the exchange format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// The version of the exchange format this library writes.
pub const SCHEMA_VERSION: &str = "2.0";

/// The format versions this library reads: 1.0 documents are upgraded to 2.0 as they are read.
pub const SUPPORTED_SCHEMA_VERSIONS: &[&str] = &["1.0", "2.0"];

/// A municipality's regional welfare plan (地域福祉計画) as one document.
///
/// Parse one with [`crate::load`] or [`crate::check`], which also validate it; write one with
/// [`Plan::to_canonical_json`].
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// assert_eq!(plan.nodes.len(), 3);
/// assert_eq!(plan.initiatives().count(), 19);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Regional welfare plan (地域福祉計画)",
    description = "A Japanese municipality's regional welfare plan (地域福祉計画) as one document: its municipality and period, basic philosophy (基本理念), help model (such as 自助・共助・公助), challenges (課題), and its own tree of one to five levels (such as 基本目標 → 活動目標 → 具体的取り組み) with indicators, projects and the actors (担い手) who carry them. Ids are stable strings; references are by id."
)]
pub struct Plan {
    /// The JSON Schema the document names for editors and validators (such as a path to
    /// `plan.schema.json`). The library accepts any string here, keeps it on export, and leaves
    /// it out of the plan's content hash.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The exchange format version the document follows.
    #[schemars(extend("enum" = ["2.0"]))]
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
    /// Revised editions (改訂) since it was published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
    /// Who publishes it (策定主体): one, or two for a joint plan.
    #[schemars(length(min = 1))]
    pub publishers: Vec<Publisher>,
    /// The basic philosophy (基本理念).
    pub philosophy: Philosophy,
    /// The help model (自助・共助・公助 …) and the plan's definitions of its sectors, if the
    /// plan has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_model: Option<HelpModel>,
    /// Narrative sections the structured fields do not hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overview: Vec<Section>,
    /// The challenges (課題) the plan sets out to meet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// Residents' voices the plan quotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Voice>,
    /// The levels of the plan's tree, from the top (such as 基本目標) down: one to five.
    #[schemars(length(min = 1, max = 5))]
    pub levels: Vec<Level>,
    /// The level (id) the plan calls its initiatives (取り組み); the deepest level if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative_level: Option<Id>,
    /// The top level of the plan's tree, at least one node.
    #[schemars(length(min = 1))]
    pub nodes: Vec<Node>,
    /// Cross-cutting priority projects (重点プロジェクト).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_projects: Vec<PriorityProject>,
    /// Indicators of the plan as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// How the plan is evaluated each year (進行管理): its grading scales.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<Evaluation>,
    /// The actors (担い手) who carry the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Sub-plans the plan declares it contains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_plans: Vec<SubPlan>,
    /// Districts (地区) nodes and bases can belong to, as a hierarchy.
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

impl Plan {
    /// The actor with id `id`.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id.as_str() == id)
    }

    /// The challenge with id `id`: the plan's, or a district's.
    pub fn challenge(&self, id: &str) -> Option<&Challenge> {
        self.challenges
            .iter()
            .chain(self.districts.iter().flat_map(|d| &d.challenges))
            .find(|c| c.id.as_str() == id)
    }

    /// The publisher with id `id`.
    pub fn publisher(&self, id: &str) -> Option<&Publisher> {
        self.publishers.iter().find(|p| p.id.as_str() == id)
    }

    /// The district with id `id`.
    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.id.as_str() == id)
    }

    /// The sector code that `name` means in this plan: a code of its help model, or a
    /// sector's Japanese or English label (自助, 地域の役割).
    ///
    /// ```
    /// let plan = welfare_plan::iizuka::third_plan();
    /// assert_eq!(plan.sector_code("共助").unwrap(), "mutual_help");
    /// assert!(plan.sector_code("互助").is_err()); // not in a three-help plan
    /// ```
    pub fn sector_code(&self, name: &str) -> Result<&str, crate::Error> {
        let found = self.help_model.as_ref().and_then(|m| {
            m.sectors.iter().find(|s| {
                s.sector.as_str() == name
                    || s.label(super::Lang::Ja) == name
                    || s.label(super::Lang::En) == name
            })
        });
        found
            .map(|s| s.sector.as_str())
            .ok_or_else(|| crate::Error::UnknownSector(crate::preview(name), self.sector_names()))
    }

    /// Every sector of the help model, `code` (label), for messages.
    fn sector_names(&self) -> String {
        let names: Vec<String> = self
            .help_model
            .iter()
            .flat_map(|m| &m.sectors)
            .map(|s| format!("`{}` ({})", s.sector, s.label(super::Lang::Ja)))
            .collect();
        if names.is_empty() {
            "none: the plan has no help model".to_owned()
        } else {
            names.join(", ")
        }
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
