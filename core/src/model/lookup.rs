//! Finding a part of a plan by its id, once: an index built in one pass, which bindings keep
//! beside the plan instead of scanning lists on every lookup.

use rustc_hash::FxHashMap;

use super::{NodeAt, Plan};

/// Where a part with an id sits in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartAt {
    /// A node of the tree, or of a district's plan.
    Node(NodeAt),
    /// A challenge: the plan's (`None`) or a district's (its index), and its index there.
    Challenge(Option<usize>, usize),
    /// An actor, by index.
    Actor(usize),
    /// A publisher, by index.
    Publisher(usize),
    /// A district, by index.
    District(usize),
}

/// Ids of nodes, challenges, actors, publishers and districts, each mapped to where the part
/// sits (the first part with that id, should two share one).
#[derive(Debug, Clone, Default)]
pub struct PartIndex(FxHashMap<Box<str>, PartAt>);

impl PartIndex {
    /// Where the part with id `id` sits.
    pub fn get(&self, id: &str) -> Option<PartAt> {
        self.0.get(id).copied()
    }

    fn add(&mut self, id: &str, at: PartAt) {
        self.0.entry(id.into()).or_insert(at);
    }
}

impl Plan {
    /// The index of the plan's parts by id, built in one pass.
    pub fn part_index(&self) -> PartIndex {
        let mut parts = PartIndex::default();
        for r in self.all_nodes() {
            parts.add(r.node.id.as_str(), PartAt::Node(r.at));
        }
        for (c, challenge) in self.challenges.iter().enumerate() {
            parts.add(challenge.id.as_str(), PartAt::Challenge(None, c));
        }
        for (a, actor) in self.actors.iter().enumerate() {
            parts.add(actor.id.as_str(), PartAt::Actor(a));
        }
        for (p, publisher) in self.publishers.iter().enumerate() {
            parts.add(publisher.id.as_str(), PartAt::Publisher(p));
        }
        for (d, district) in self.districts.iter().enumerate() {
            parts.add(district.id.as_str(), PartAt::District(d));
            for (c, challenge) in district.challenges.iter().enumerate() {
                parts.add(challenge.id.as_str(), PartAt::Challenge(Some(d), c));
            }
            for r in self.district_nodes(d) {
                parts.add(r.node.id.as_str(), PartAt::Node(r.at));
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use crate::{iizuka, PartAt};

    #[test]
    fn every_node_and_challenge_of_the_iizuka_plan_is_found_where_it_is() {
        let plan = iizuka::third_plan();
        let parts = plan.part_index();
        for r in plan.all_nodes() {
            assert_eq!(parts.get(r.node.id.as_str()), Some(PartAt::Node(r.at)));
            assert_eq!(plan.node_at(r.at).map(|n| &n.id), Some(&r.node.id));
        }
        for (c, challenge) in plan.challenges.iter().enumerate() {
            assert_eq!(parts.get(challenge.id.as_str()), Some(PartAt::Challenge(None, c)));
        }
        assert_eq!(parts.get("no-such-id"), None);
    }

    #[test]
    fn every_indicator_is_found_once_where_all_indicators_says_it_is() {
        use crate::IndicatorAt;
        let text = include_str!("../../../tests/conformance/documents/synthetic-four-help-joint.json");
        let plan = crate::load(text.as_bytes()).unwrap();
        let mut places = std::collections::HashSet::new();
        for (ind, at) in plan.all_indicators() {
            let found = match at {
                IndicatorAt::Plan(i) => plan.indicators.get(i),
                IndicatorAt::Node(n, i) => plan.node_at(n).and_then(|x| x.indicators.get(i)),
                IndicatorAt::Project(n, k, i) => plan
                    .node_at(n)
                    .and_then(|x| x.projects.get(k))
                    .and_then(|p| p.indicators.get(i)),
                IndicatorAt::PriorityProject(k, i) => {
                    plan.priority_projects.get(k).and_then(|p| p.indicators.get(i))
                }
                IndicatorAt::SubPlan(k, i) => plan.sub_plans.get(k).and_then(|p| p.indicators.get(i)),
            };
            assert!(found.is_some_and(|f| std::ptr::eq(f, ind)), "{at:?}");
            assert!(places.insert(at), "{at:?} twice");
        }
        // The fixture has indicators in every kind of place.
        let kinds: std::collections::HashSet<_> = places.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 5);
    }
}
