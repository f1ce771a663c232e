//! `coverage.challenge_unaddressed` (warning): a challenge that no initiative addresses is a
//! gap in the plan's logic, though not an error in the document.

use rustc_hash::FxHashSet;

use crate::error::{Issue, IssueCode, Path};
use crate::model::numbering::circled;
use crate::model::{Id, Plan};
use crate::validate::walk::{Kind, Stack, Visitor};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct ChallengeCoverage;

impl Rule for ChallengeCoverage {
    fn name(&self) -> &'static str {
        "challenge_coverage"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::ChallengeUnaddressed]
    }

    fn visitor<'p>(&self, plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        let mut addressed = FxHashSet::default();
        addressed.reserve(plan.challenges.len());
        Some(Box::new(Addressed { addressed }))
    }
}

/// The challenge ids that initiatives refer to (voices do not count).
struct Addressed<'p> {
    addressed: FxHashSet<&'p str>,
}

impl<'p> Visitor<'p> for Addressed<'p> {
    fn reference(&mut self, id: &'p Id, want: Kind, from: Kind, _path: &Stack) {
        if want == Kind::Challenge && from == Kind::Initiative {
            self.addressed.insert(id.as_str());
        }
    }
}

impl<'p> RuleVisitor<'p> for Addressed<'p> {
    fn finish(self: Box<Self>, cx: &Context<'p>, out: &mut Vec<Issue>) {
        for (i, c) in cx.plan.challenges.iter().enumerate() {
            if !self.addressed.contains(c.id.as_str()) {
                out.push(Issue::new(
                    IssueCode::ChallengeUnaddressed,
                    Path::root().key("challenges").index(i),
                    format!("no initiative addresses challenge `{}` ({})", c.id, c.number),
                    format!(
                        "課題{}（`{}`）に取り組む具体的取り組みがありません",
                        circled(c.number),
                        c.id
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Severity;
    use crate::validate::rules::testing::*;

    #[test]
    fn an_unaddressed_challenge_is_a_warning() {
        let mut p = plan();
        let c6 = p.challenges[5].id.clone();
        for g in &mut p.goals {
            for t in &mut g.targets {
                for i in &mut t.initiatives {
                    i.challenges.retain(|c| *c != c6);
                }
            }
        }
        assert_eq!(
            found(&p),
            expect(&[("coverage.challenge_unaddressed", "/challenges/5")])
        );
        assert_eq!(crate::validate(&p)[0].severity, Severity::Warning);
    }
}
