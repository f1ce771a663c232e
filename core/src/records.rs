//! The plan as flat rows, one per initiative (a node of the plan's initiative level): what a
//! spreadsheet, a data frame or an open-data CSV wants.

use serde::Serialize;

use rustc_hash::FxHashMap;

use crate::model::{Lang, NodeRef, Plan};

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
    /// Their Japanese names, in the same order (an id the plan does not define, which a valid
    /// plan has none of, is left as the id).
    pub actor_names: Vec<String>,
    /// The challenges it addresses (ids).
    pub challenge_ids: Vec<String>,
    /// Their Japanese titles, in the same order.
    pub challenge_titles: Vec<String>,
}

/// What the rows of a plan's initiatives are made of, borrowed from the plan: the lookups
/// every row uses (actor names, challenge titles, the help model's order of sectors) made
/// once, and each column of [`InitiativeRecord`] as a method, so that a caller converting the
/// values into another language's objects (the Python binding) makes no copy of the plan's
/// text on the way and says nothing of its own about what a column holds.
#[derive(Debug)]
pub struct InitiativeTable<'p> {
    plan: &'p Plan,
    level: &'p str,
    model_order: Vec<&'p str>,
    /// Each actor's id (as the actor defines it) and Japanese name, by id.
    actors: FxHashMap<&'p str, (&'p str, &'p str)>,
    /// Each challenge's id (as the challenge defines it) and Japanese title, by id.
    challenges: FxHashMap<&'p str, (&'p str, &'p str)>,
}

impl<'p> InitiativeTable<'p> {
    /// The table of `plan`'s initiatives.
    pub fn new(plan: &'p Plan) -> Self {
        InitiativeTable {
            plan,
            level: plan
                .level(plan.initiative_depth())
                .map(|l| l.id.as_str())
                .unwrap_or_default(),
            model_order: plan
                .help_model
                .iter()
                .flat_map(|m| &m.sectors)
                .map(|s| s.sector.as_str())
                .collect(),
            actors: plan
                .actors
                .iter()
                .map(|a| (a.id.as_str(), (a.id.as_str(), a.name.ja.as_str())))
                .collect(),
            challenges: plan
                .challenges
                .iter()
                .chain(plan.districts.iter().flat_map(|d| &d.challenges))
                .map(|c| (c.id.as_str(), (c.id.as_str(), c.title.ja.as_str())))
                .collect(),
        }
    }

    /// The initiatives, one per row, in document order.
    pub fn rows(&self) -> impl Iterator<Item = NodeRef<'p>> + 'p {
        self.plan.initiatives()
    }

    /// The nodes above `row`, top first (the `parent_*` columns).
    pub fn parents(&self, row: NodeRef<'p>) -> Vec<NodeRef<'p>> {
        let mut parents = Vec::new();
        let mut up = row.at.parent();
        while let Some(at) = up {
            if let Some(node) = self.plan.node_at(at) {
                parents.push(NodeRef { at, node });
            }
            up = at.parent();
        }
        parents.reverse();
        parents
    }

    /// The level's id (the `level` column).
    pub fn level(&self) -> &'p str {
        self.level
    }

    /// A node's label in the plan's numbering, in Japanese (基本目標Ⅰ, (1)): the `label` and
    /// `parent_labels` columns.
    pub fn label(&self, node: NodeRef<'_>) -> String {
        self.plan.label_in(node.at, Lang::Ja)
    }

    /// The sector codes the row's participants act in, each once, in the help model's order.
    pub fn sectors<'a>(&'a self, row: NodeRef<'p>) -> impl Iterator<Item = &'p str> + 'a {
        self.model_order.iter().copied().filter(move |code| {
            row.node
                .participants
                .iter()
                .any(|p| p.sector.as_ref().is_some_and(|s| s.as_str() == *code))
        })
    }

    /// The row's actors, in the order of its participants: each one's id and Japanese name
    /// (the `actor_ids` and `actor_names` columns). The id is the one the actor defines, so
    /// that every row naming an actor gives the same text; an id the plan does not define (a
    /// valid plan has none) stands for its name.
    pub fn actors<'a>(&'a self, row: NodeRef<'p>) -> impl ExactSizeIterator<Item = (&'p str, &'p str)> + 'a {
        row.node.participants.iter().map(move |p| {
            let id = p.actor.as_str();
            self.actors.get(id).copied().unwrap_or((id, id))
        })
    }

    /// The challenges the row addresses, in its order: each one's id and Japanese title (the
    /// `challenge_ids` and `challenge_titles` columns), as [`InitiativeTable::actors`] gives
    /// actors.
    pub fn challenges<'a>(
        &'a self,
        row: NodeRef<'p>,
    ) -> impl ExactSizeIterator<Item = (&'p str, &'p str)> + 'a {
        row.node.challenges.iter().map(move |c| {
            let id = c.as_str();
            self.challenges.get(id).copied().unwrap_or((id, id))
        })
    }

    /// The row as an owned record.
    pub fn record(&self, row: NodeRef<'p>) -> InitiativeRecord {
        let node = row.node;
        let parents = self.parents(row);
        InitiativeRecord {
            parent_ids: parents.iter().map(|p| p.node.id.to_string()).collect(),
            parent_labels: parents.iter().map(|&p| self.label(p)).collect(),
            parent_titles_ja: parents.iter().map(|p| p.node.title.ja.clone()).collect(),
            level: self.level.to_owned(),
            id: node.id.to_string(),
            number: node.number,
            label: self.label(row),
            title_ja: node.title.ja.clone(),
            title_en: node.title.en.clone(),
            priority: node.priority,
            sectors: self.sectors(row).map(str::to_owned).collect(),
            actor_ids: self.actors(row).map(|(id, _)| id.to_owned()).collect(),
            actor_names: self.actors(row).map(|(_, name)| name.to_owned()).collect(),
            challenge_ids: self.challenges(row).map(|(id, _)| id.to_owned()).collect(),
            challenge_titles: self.challenges(row).map(|(_, title)| title.to_owned()).collect(),
        }
    }
}

/// Every initiative of `plan` as a row.
pub fn initiative_records(plan: &Plan) -> Vec<InitiativeRecord> {
    let table = InitiativeTable::new(plan);
    table.rows().map(|r| table.record(r)).collect()
}
