//! `coverage.initiative_without_actor` (warning): an initiative (a node of the plan's
//! initiative level) that nobody is named to carry.

use crate::error::{Issue, IssueCode};
use crate::model::{Node, Plan};
use crate::validate::walk::{NodeVisit, Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct InitiativeActors;

impl Rule for InitiativeActors {
    fn name(&self) -> &'static str {
        "initiative_actors"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::InitiativeWithoutActor]
    }

    fn visitor<'p>(&self, plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        // A plan that names no actor at all has role tables by body, not by initiative.
        if plan.actors.is_empty() {
            return None;
        }
        Some(Box::new(Unnamed {
            depth: plan.initiative_depth(),
            found: Vec::new(),
        }))
    }
}

/// Sees the initiatives as the walk passes them (a second walk of a large tree costs as much as
/// the rule), and keeps those that name no actor.
struct Unnamed<'p> {
    depth: usize,
    found: Vec<(&'p Node, crate::Path)>,
}

impl<'p> Visitor<'p> for Unnamed<'p> {
    fn visits(&self) -> Visits {
        Visits::NODE
    }

    fn node(&mut self, node: &'p Node, at: NodeVisit, path: &Stack) {
        // The initiatives are the plan tree's nodes at the initiative level, as
        // `Plan::initiatives` has them; a district's own plan is not counted.
        if at.depth == self.depth && !at.district && node.participants.is_empty() {
            self.found.push((node, path.path(&[])));
        }
    }
}

impl<'p> RuleVisitor<'p> for Unnamed<'p> {
    fn finish(self: Box<Self>, cx: &Context<'p>, out: &mut Vec<Issue>) {
        let level = cx.plan.level(self.depth).map(|l| &l.name);
        let (en, ja) = level.map_or(("initiative", "取り組み"), |t| {
            (t.get(crate::Lang::En), t.ja.as_str())
        });
        for (node, path) in self.found {
            out.push(Issue::new(
                IssueCode::InitiativeWithoutActor,
                path,
                format!("{en} `{}` names no actor", node.id),
                format!("{ja} `{}` に担い手がいません", node.id),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn an_initiative_without_participants_is_a_warning() {
        let mut p = plan();
        p.nodes[2].children[2].children[3].participants.clear();
        assert_eq!(
            found(&p),
            expect(&[(
                "coverage.initiative_without_actor",
                "/nodes/2/children/2/children/3"
            )])
        );
    }

    #[test]
    fn a_district_plans_initiatives_are_not_held_to_it() {
        let mut p = plan();
        let mut goal = p.nodes[2].clone();
        goal.children[2].children[3].participants.clear();
        p.districts = vec![crate::model::District {
            id: "north".into(),
            name: crate::model::Text::new("北部", None),
            parent: None,
            layer: None,
            description: None,
            figures: Vec::new(),
            challenges: Vec::new(),
            nodes: vec![goal],
            extensions: Default::default(),
        }];
        // The district's copy of the goal repeats its ids; only the rule of this test matters.
        let found: Vec<_> = found(&p)
            .into_iter()
            .filter(|(code, _)| code == "coverage.initiative_without_actor")
            .collect();
        assert_eq!(found, []);
    }
}
