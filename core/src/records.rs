//! The plan as flat rows, one per initiative (a node of the plan's initiative level): what a
//! spreadsheet, a data frame or an open-data CSV wants.

use serde::Serialize;

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::model::{Lang, NodeRef, NumberStyle, Plan};

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
    /// Each actor's id (as the actor defines it) and Japanese name.
    actors: Lookup<'p>,
    /// Each challenge's id (as the challenge defines it) and Japanese title.
    challenges: Lookup<'p>,
}

/// Where a reference of a row leads, for a caller that makes each actor's or challenge's
/// values once ([`InitiativeTable::actor_refs`], [`InitiativeTable::challenge_refs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRef<'p> {
    /// The part at this position among the plan's actors (or challenges, the plan's own
    /// first, then each district's); [`InitiativeTable::actor`] and
    /// [`InitiativeTable::challenge`] give its values.
    Defined(usize),
    /// An id the plan does not define (a valid plan has none): it stands for its own name.
    Undefined(&'p str),
}

/// The parts a row's references name, in the plan's order, and their positions by id.
#[derive(Debug)]
struct Lookup<'p> {
    entries: Vec<(&'p str, &'p str)>,
    /// Keyed by copies of the ids, which a short id (most are) keeps inline: a lookup compares
    /// against the table's own memory instead of following a pointer into the plan, a cache
    /// miss per reference in a large plan.
    by_id: FxHashMap<CompactString, usize>,
}

impl<'p> Lookup<'p> {
    fn new(entries: Vec<(&'p str, &'p str)>) -> Self {
        let mut by_id = FxHashMap::default();
        by_id.reserve(entries.len());
        // The first part with an id wins, as the validator reports the others as duplicates.
        for (i, (id, _)) in entries.iter().enumerate() {
            by_id.entry(CompactString::from(*id)).or_insert(i);
        }
        Lookup { entries, by_id }
    }

    fn find(&self, id: &'p str) -> RowRef<'p> {
        match self.by_id.get(id) {
            Some(&i) => RowRef::Defined(i),
            None => RowRef::Undefined(id),
        }
    }

    fn values(&self, r: RowRef<'p>) -> (&'p str, &'p str) {
        match r {
            RowRef::Defined(i) => self.entries.get(i).copied().unwrap_or_default(),
            RowRef::Undefined(id) => (id, id),
        }
    }
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
            actors: Lookup::new(
                plan.actors
                    .iter()
                    .map(|a| (a.id.as_str(), a.name.ja.as_str()))
                    .collect(),
            ),
            challenges: Lookup::new(
                plan.challenges
                    .iter()
                    .chain(plan.districts.iter().flat_map(|d| &d.challenges))
                    .map(|c| (c.id.as_str(), c.title.ja.as_str()))
                    .collect(),
            ),
        }
    }

    /// The initiatives, one per row, in document order.
    pub fn rows(&self) -> impl Iterator<Item = NodeRef<'p>> + 'p {
        self.plan.initiatives()
    }

    /// The nodes above `row`, top first (the `parent_*` columns).
    pub fn parents(&self, row: NodeRef<'p>) -> Vec<NodeRef<'p>> {
        let mut parents = Vec::with_capacity(row.at.depth());
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

    /// What `node`'s label is made of when every node of its level with its number has the
    /// same label: the level's depth and the number. That is every numbering style but the
    /// compound one (1-2-3), whose label holds the numbers above. A caller making a label per
    /// row can make each one once by this key; `None` means the label is the node's own.
    pub fn label_key(&self, node: NodeRef<'_>) -> Option<(usize, Option<u32>)> {
        let depth = node.at.depth();
        let level = self.plan.level(depth)?;
        (level.numbering != NumberStyle::Compound).then_some((depth, node.node.number))
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
        self.actor_refs(row).map(|r| self.actors.values(r))
    }

    /// The row's actors as [`InitiativeTable::actors`] gives them, but as where each leads.
    pub fn actor_refs<'a>(&'a self, row: NodeRef<'p>) -> impl ExactSizeIterator<Item = RowRef<'p>> + 'a {
        row.node
            .participants
            .iter()
            .map(|p| self.actors.find(p.actor.as_str()))
    }

    /// The id and Japanese name of the actor a [`RowRef`] of [`InitiativeTable::actor_refs`]
    /// leads to.
    pub fn actor(&self, r: RowRef<'p>) -> (&'p str, &'p str) {
        self.actors.values(r)
    }

    /// The number of actors a [`RowRef::Defined`] of [`InitiativeTable::actor_refs`] may
    /// hold the position of.
    pub fn actor_count(&self) -> usize {
        self.actors.entries.len()
    }

    /// The challenges the row addresses, in its order: each one's id and Japanese title (the
    /// `challenge_ids` and `challenge_titles` columns), as [`InitiativeTable::actors`] gives
    /// actors.
    pub fn challenges<'a>(
        &'a self,
        row: NodeRef<'p>,
    ) -> impl ExactSizeIterator<Item = (&'p str, &'p str)> + 'a {
        self.challenge_refs(row).map(|r| self.challenges.values(r))
    }

    /// The row's challenges as [`InitiativeTable::challenges`] gives them, but as where each
    /// leads.
    pub fn challenge_refs<'a>(&'a self, row: NodeRef<'p>) -> impl ExactSizeIterator<Item = RowRef<'p>> + 'a {
        row.node
            .challenges
            .iter()
            .map(|c| self.challenges.find(c.as_str()))
    }

    /// The id and Japanese title of the challenge a [`RowRef`] of
    /// [`InitiativeTable::challenge_refs`] leads to.
    pub fn challenge(&self, r: RowRef<'p>) -> (&'p str, &'p str) {
        self.challenges.values(r)
    }

    /// The number of challenges a [`RowRef::Defined`] of [`InitiativeTable::challenge_refs`]
    /// may hold the position of.
    pub fn challenge_count(&self) -> usize {
        self.challenges.entries.len()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    #[test]
    fn an_undefined_reference_stands_for_its_own_name_and_the_first_of_two_ids_wins() {
        let mut plan = crate::iizuka::third_plan();
        let first = plan.actors.first().cloned();
        let Some(first) = first else {
            panic!("the Iizuka plan has actors")
        };
        let mut twin = first.clone();
        twin.name.ja = "同じ id の二つ目".to_owned();
        plan.actors.push(twin);
        // The first initiative: the first goal's first target's first.
        let node = plan
            .nodes
            .first_mut()
            .and_then(|g| g.children.first_mut())
            .and_then(|t| t.children.first_mut());
        let Some(node) = node else {
            panic!("the Iizuka plan has initiatives")
        };
        node.participants.truncate(1);
        if let Some(p) = node.participants.first_mut() {
            p.actor = first.id.clone();
        }
        node.challenges = vec![Id::from("nowhere")];

        let table = InitiativeTable::new(&plan);
        let Some(row) = table.rows().next() else {
            panic!("the row is there")
        };
        assert_eq!(table.actor_refs(row).collect::<Vec<_>>(), [RowRef::Defined(0)]);
        assert_eq!(
            table.actors(row).collect::<Vec<_>>(),
            [(first.id.as_str(), first.name.ja.as_str())]
        );
        assert_eq!(
            table.challenge_refs(row).collect::<Vec<_>>(),
            [RowRef::Undefined("nowhere")]
        );
        assert_eq!(
            table.challenges(row).collect::<Vec<_>>(),
            [("nowhere", "nowhere")]
        );
        assert_eq!(table.record(row).challenge_titles, ["nowhere"]);
    }

    #[test]
    fn only_labels_outside_the_compound_style_are_keyed_by_level_and_number() {
        let mut plan = crate::iizuka::third_plan();
        let table = InitiativeTable::new(&plan);
        let rows: Vec<_> = table.rows().collect();
        let keys: Vec<_> = rows.iter().map(|&r| table.label_key(r)).collect();
        for (row, key) in rows.iter().zip(&keys) {
            assert_eq!(*key, Some((row.at.depth(), row.node.number)));
        }
        let depth = plan.initiative_depth();
        if let Some(level) = plan.levels.get_mut(depth) {
            level.numbering = NumberStyle::Compound;
        }
        let table = InitiativeTable::new(&plan);
        assert!(table.rows().all(|r| table.label_key(r).is_none()));
    }
}
