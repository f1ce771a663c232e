//! `coverage.challenge_unaddressed` (warning): a challenge that no initiative addresses is a
//! gap in the plan's logic, though not an error in the document.

use compact_str::CompactString;
use rustc_hash::FxHashSet;

use crate::error::{Issue, IssueCode, Path};
use crate::model::numbering::circled;
use crate::model::{Id, Plan};
use crate::validate::walk::{Kind, Stack, Visitor, Visits};
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

/// The challenge ids that nodes refer to (voices do not count).
///
/// Kept as copies (a short id, as most are, inline in the table), not pointers into the plan:
/// every reference is compared with the id it repeats, and a pointer would lead back to the
/// first node that named it, in a large plan long out of cache (measured: a tenth of the
/// validation of 100,000 initiatives, which name 10,000 challenges).
struct Addressed {
    addressed: FxHashSet<CompactString>,
}

impl<'p> Visitor<'p> for Addressed {
    fn visits(&self) -> Visits {
        Visits::REFERENCE
    }

    fn reference(&mut self, id: &'p Id, want: Kind, from: Kind, _path: &Stack) {
        // Looked up before it is copied: most references repeat a challenge already seen.
        if want == Kind::Challenge && from == Kind::Node && !self.addressed.contains(id.as_str()) {
            self.addressed.insert(CompactString::from(id.as_str()));
        }
    }
}

impl<'p> RuleVisitor<'p> for Addressed {
    fn finish(self: Box<Self>, cx: &Context<'p>, out: &mut Vec<Issue>) {
        let plan = cx.plan;
        let districts = plan.districts.iter().enumerate().flat_map(|(d, x)| {
            x.challenges.iter().enumerate().map(move |(i, c)| {
                (
                    Path::root().key("districts").index(d).key("challenges").index(i),
                    c,
                )
            })
        });
        let all = plan
            .challenges
            .iter()
            .enumerate()
            .map(|(i, c)| (Path::root().key("challenges").index(i), c))
            .chain(districts);
        for (path, c) in all {
            if !self.addressed.contains(c.id.as_str()) {
                out.push(Issue::new(
                    IssueCode::ChallengeUnaddressed,
                    path,
                    format!(
                        "nothing in the plan addresses challenge `{}` ({})",
                        c.id, c.number
                    ),
                    format!(
                        "課題{}（`{}`）に取り組む項目がありません",
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
        for g in &mut p.nodes {
            for t in &mut g.children {
                for i in &mut t.children {
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
