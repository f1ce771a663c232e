//! `numbering.gap`, `numbering.duplicate`: sibling ordinals must run 1, 2, 3 … in order.

use crate::error::{Issue, IssueCode, Path};
use crate::validate::{Context, Rule};

pub struct Numbering;

impl Rule for Numbering {
    fn name(&self) -> &'static str {
        "numbering"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::NumberingGap, IssueCode::NumberingDuplicate]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        // Paths are built only when a list has a problem: most lists have none.
        let root = || Path::root();
        siblings(
            out,
            || root().key("challenges"),
            p.challenges.iter().map(|c| c.number),
        );
        siblings(out, || root().key("goals"), p.goals.iter().map(|g| g.number));
        for (gi, g) in p.goals.iter().enumerate() {
            let goal = || root().key("goals").index(gi);
            siblings(out, || goal().key("targets"), g.targets.iter().map(|t| t.number));
            for (ti, t) in g.targets.iter().enumerate() {
                let target = || goal().key("targets").index(ti);
                siblings(
                    out,
                    || target().key("initiatives"),
                    t.initiatives.iter().map(|i| i.number),
                );
                for (ii, i) in t.initiatives.iter().enumerate() {
                    let path = || target().key("initiatives").index(ii).key("projects");
                    siblings(out, path, i.projects.iter().map(|pr| pr.number));
                }
            }
        }
    }
}

/// Checks one list of sibling numbers: each must be one more than the one before it.
fn siblings(out: &mut Vec<Issue>, list: impl Fn() -> Path, numbers: impl Iterator<Item = u32>) {
    let mut prev = 0u32;
    for (i, n) in numbers.enumerate() {
        let at = || list().index(i).key("number");
        if n != 0 && n == prev {
            out.push(Issue::new(
                IssueCode::NumberingDuplicate,
                at(),
                format!("number `{n}` is used twice in a row"),
                format!("番号 `{n}` が重複しています"),
            ));
        } else if Some(n) != prev.checked_add(1) {
            let want = u64::from(prev) + 1;
            out.push(Issue::new(
                IssueCode::NumberingGap,
                at(),
                format!("expected number `{want}`, found `{n}`"),
                format!("番号は `{want}` のはずですが `{n}` です"),
            ));
        }
        prev = n;
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_skipped_number_and_a_repeated_number_are_told_apart() {
        let mut p = plan();
        p.goals[0].targets[1].initiatives[2].number = 4; // (1)(2)(4)(4)
        p.challenges[5].number = 5; // ①…⑤⑤
        assert_eq!(
            found(&p),
            expect(&[
                ("numbering.duplicate", "/challenges/5/number"),
                ("numbering.gap", "/goals/0/targets/1/initiatives/2/number"),
                ("numbering.duplicate", "/goals/0/targets/1/initiatives/3/number"),
            ])
        );
    }

    #[test]
    fn numbering_must_start_at_one() {
        let mut p = plan();
        for (i, g) in p.goals.iter_mut().enumerate() {
            g.number = i as u32 + 2;
        }
        assert_eq!(found(&p), expect(&[("numbering.gap", "/goals/0/number")]));
    }
}
