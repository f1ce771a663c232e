//! `coverage.initiative_without_actor` (warning): an initiative (a node of the plan's
//! initiative level) that nobody is named to carry.

use crate::error::{Issue, IssueCode};
use crate::validate::{Context, Rule};

pub struct InitiativeActors;

impl Rule for InitiativeActors {
    fn name(&self) -> &'static str {
        "initiative_actors"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::InitiativeWithoutActor]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        // A plan that names no actor at all has role tables by body, not by initiative.
        if cx.plan.actors.is_empty() {
            return;
        }
        let level = cx.plan.level(cx.plan.initiative_depth()).map(|l| &l.name);
        let (en, ja) = level.map_or(("initiative", "取り組み"), |t| {
            (t.get(crate::Lang::En), t.ja.as_str())
        });
        for r in cx.plan.initiatives() {
            if r.node.participants.is_empty() {
                out.push(Issue::new(
                    IssueCode::InitiativeWithoutActor,
                    r.at.path(),
                    format!("{en} `{}` names no actor", r.node.id),
                    format!("{ja} `{}` に担い手がいません", r.node.id),
                ));
            }
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
}
