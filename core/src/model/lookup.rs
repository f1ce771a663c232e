//! Finding a part of a plan by its id, once: an index built in one pass, which bindings keep
//! beside the plan instead of scanning lists on every lookup.

use rustc_hash::FxHashMap;

use super::Plan;

/// Where a part with an id sits in a plan, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartAt {
    /// `plan.goals[g]`.
    Goal(usize),
    /// `plan.goals[g].targets[t]`.
    Target(usize, usize),
    /// `plan.goals[g].targets[t].initiatives[i]`.
    Initiative(usize, usize, usize),
    /// `plan.challenges[c]`.
    Challenge(usize),
    /// `plan.actors[a]`.
    Actor(usize),
}

/// Every goal, target, initiative, challenge and actor of a plan by id (the first, should a
/// plan that failed `id.duplicate` repeat one).
///
/// ```
/// use welfare_plan::{iizuka, PartAt};
/// let plan = iizuka::third_plan();
/// let parts = plan.part_index();
/// assert_eq!(parts.get("g1"), Some(PartAt::Goal(0)));
/// assert_eq!(parts.get("nope"), None);
/// ```
#[derive(Debug, Clone, Default)]
pub struct PartIndex(FxHashMap<Box<str>, PartAt>);

impl PartIndex {
    /// Where the part with id `id` is.
    pub fn get(&self, id: &str) -> Option<PartAt> {
        self.0.get(id).copied()
    }

    fn add(&mut self, id: &str, at: PartAt) {
        self.0.entry(id.into()).or_insert(at);
    }
}

impl Plan {
    /// Indexes every goal, target, initiative, challenge and actor by id, in one pass.
    pub fn part_index(&self) -> PartIndex {
        let mut parts = PartIndex::default();
        for (g, goal) in self.goals.iter().enumerate() {
            parts.add(goal.id.as_str(), PartAt::Goal(g));
            for (t, target) in goal.targets.iter().enumerate() {
                parts.add(target.id.as_str(), PartAt::Target(g, t));
                for (i, initiative) in target.initiatives.iter().enumerate() {
                    parts.add(initiative.id.as_str(), PartAt::Initiative(g, t, i));
                }
            }
        }
        for (c, challenge) in self.challenges.iter().enumerate() {
            parts.add(challenge.id.as_str(), PartAt::Challenge(c));
        }
        for (a, actor) in self.actors.iter().enumerate() {
            parts.add(actor.id.as_str(), PartAt::Actor(a));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use crate::{iizuka, PartAt};

    #[test]
    fn every_part_of_the_iizuka_plan_is_found_where_it_is() {
        let plan = iizuka::third_plan();
        let parts = plan.part_index();
        for r in plan.initiatives() {
            assert_eq!(
                parts.get(r.initiative.id.as_str()),
                Some(PartAt::Initiative(
                    r.goal_index,
                    r.target_index,
                    r.initiative_index
                ))
            );
            assert_eq!(
                parts.get(r.target.id.as_str()),
                Some(PartAt::Target(r.goal_index, r.target_index))
            );
        }
        for (c, challenge) in plan.challenges.iter().enumerate() {
            assert_eq!(parts.get(challenge.id.as_str()), Some(PartAt::Challenge(c)));
        }
        for (a, actor) in plan.actors.iter().enumerate() {
            assert_eq!(parts.get(actor.id.as_str()), Some(PartAt::Actor(a)));
        }
    }
}
