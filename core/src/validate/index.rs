//! The id index: every id in the plan, interned once during the walk, so that reference checks
//! are one hash lookup each and duplicate ids are found in the same pass.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use super::walk::{Kind, Stack, Visitor, Visits};
use crate::model::{Id, Node, Plan};

/// Every id of a plan with the kind of part it names.
#[derive(Debug, Default)]
pub struct IdIndex<'p> {
    /// Keyed by copies of the ids, which a short id (most are) keeps inline: resolving a
    /// reference compares against the table's own memory instead of following a pointer back
    /// into the plan, which in a large plan is a cache miss per reference.
    by_id: FxHashMap<CompactString, (Kind, u32)>,
    visits: u32,
    /// Ids seen twice: (the id, the visit number of its first use, the visit number of the
    /// repeat). Visit numbers count id visits in walk order; see [`super::walk::paths_of`].
    pub duplicates: Vec<(&'p str, u32, u32)>,
    /// The levels' ids: a namespace of their own, so that the levels a 1.0 document is
    /// upgraded with (`goal`, `target`, `initiative`) can clash with none of its ids.
    levels: Vec<&'p str>,
}

impl<'p> IdIndex<'p> {
    /// An empty index sized for `plan`, filled by walking the plan with it as a visitor.
    pub fn for_plan(plan: &Plan) -> Self {
        let nodes = count(&plan.nodes) + plan.districts.iter().map(|d| count(&d.nodes)).sum::<usize>();
        let cap = nodes + plan.challenges.len() + plan.actors.len() + 64;
        let mut by_id = FxHashMap::default();
        by_id.reserve(cap);
        IdIndex {
            by_id,
            ..IdIndex::default()
        }
    }

    /// The kind of part `id` names, if any.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.by_id.get(id).map(|&(kind, _)| kind)
    }

    /// Whether `id` names a part of kind `want`, and else the kind it names, if any.
    pub fn resolve(&self, id: &str, want: Kind) -> Result<(), Option<Kind>> {
        if want == Kind::Level {
            return if self.levels.contains(&id) {
                Ok(())
            } else {
                Err(None)
            };
        }
        match self.kind_of(id) {
            Some(k) if k == want => Ok(()),
            other => Err(other),
        }
    }
}

/// The nodes of a tree, counted by their lists of children alone: the tree iterator, which
/// also tracks where each node sits, cost 3% of a WebAssembly `validate` only to size the table.
fn count(nodes: &[Node]) -> usize {
    nodes.len() + nodes.iter().map(|n| count(&n.children)).sum::<usize>()
}

impl<'p> Visitor<'p> for IdIndex<'p> {
    fn visits(&self) -> Visits {
        Visits::ID
    }

    fn id(&mut self, id: &'p Id, kind: Kind, _path: &Stack) {
        let n = self.visits;
        self.visits += 1;
        if kind == Kind::Level {
            self.levels.push(id.as_str());
            return;
        }
        match self.by_id.entry(CompactString::from(id.as_str())) {
            std::collections::hash_map::Entry::Occupied(first) => {
                self.duplicates.push((id.as_str(), first.get().1, n));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert((kind, n));
            }
        }
    }
}
