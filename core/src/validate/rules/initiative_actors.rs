//! `coverage.initiative_without_actor` (warning): an initiative nobody is named to carry.

use crate::error::{Issue, IssueCode, Path};
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
        for r in cx.plan.initiatives() {
            if r.initiative.participants.is_empty() {
                let path = Path::root()
                    .key("goals")
                    .index(r.goal_index)
                    .key("targets")
                    .index(r.target_index)
                    .key("initiatives")
                    .index(r.initiative_index);
                out.push(Issue::new(
                    IssueCode::InitiativeWithoutActor,
                    path,
                    format!("initiative `{}` names no actor", r.initiative.id),
                    format!("具体的取り組み `{}` に担い手がいません", r.initiative.id),
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
        p.goals[2].targets[2].initiatives[3].participants.clear();
        assert_eq!(
            found(&p),
            expect(&[(
                "coverage.initiative_without_actor",
                "/goals/2/targets/2/initiatives/3"
            )])
        );
    }
}
