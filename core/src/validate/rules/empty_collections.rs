//! `collection.empty`: a list the format requires to have at least one element.

use crate::error::{Issue, IssueCode, Path};
use crate::validate::{Context, Rule};

pub struct EmptyCollections;

impl Rule for EmptyCollections {
    fn name(&self) -> &'static str {
        "empty_collections"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::EmptyCollection]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        let mut empty = |path: Path, en: &str, ja: &str| {
            out.push(Issue::new(
                IssueCode::EmptyCollection,
                path,
                format!("{en} must have at least one element"),
                format!("{ja}が1つもありません（1つ以上必要）"),
            ));
        };
        if p.publishers.is_empty() {
            empty(Path::root().key("publishers"), "`publishers`", "策定主体");
        }
        if p.help_model.sectors.is_empty() {
            empty(
                Path::root().key("help_model").key("sectors"),
                "`help_model.sectors`",
                "自助・共助・公助の定義",
            );
        }
        if p.goals.is_empty() {
            empty(Path::root().key("goals"), "`goals`", "基本目標");
        }
        for (gi, g) in p.goals.iter().enumerate() {
            let gp = Path::root().key("goals").index(gi);
            if g.targets.is_empty() {
                empty(gp.clone().key("targets"), "a basic goal's `targets`", "活動目標");
            }
            for (ti, t) in g.targets.iter().enumerate() {
                if t.initiatives.is_empty() {
                    let path = gp.clone().key("targets").index(ti).key("initiatives");
                    empty(path, "an activity target's `initiatives`", "具体的取り組み");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_target_without_initiatives_is_reported() {
        let mut p = plan();
        p.goals[1].targets[2].initiatives.clear();
        let got: Vec<_> = found(&p)
            .into_iter()
            .filter(|(c, _)| c == "collection.empty")
            .collect();
        assert_eq!(
            got,
            expect(&[("collection.empty", "/goals/1/targets/2/initiatives")])
        );
    }
}
