//! `coverage.challenge_unaddressed` (warning): a challenge that no initiative addresses is a
//! gap in the plan's logic, though not an error in the document.

use rustc_hash::FxHashSet;

use crate::error::{Issue, IssueCode, Path};
use crate::model::numbering::circled;
use crate::validate::{Context, Rule};

pub struct ChallengeCoverage;

impl Rule for ChallengeCoverage {
    fn name(&self) -> &'static str {
        "challenge_coverage"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::ChallengeUnaddressed]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let addressed: FxHashSet<&str> = cx
            .plan
            .initiatives()
            .flat_map(|r| r.initiative.challenges.iter().map(|c| c.as_str()))
            .collect();
        for (i, c) in cx.plan.challenges.iter().enumerate() {
            if !addressed.contains(c.id.as_str()) {
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
