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
        if p.help_model.as_ref().is_some_and(|m| m.sectors.is_empty()) {
            empty(
                Path::root().key("help_model").key("sectors"),
                "`help_model.sectors`",
                "助けあいの区分の定義",
            );
        }
        if p.nodes.is_empty() {
            empty(Path::root().key("nodes"), "`nodes`", "計画の項目");
        }
        for (i, pp) in p.priority_projects.iter().enumerate() {
            if pp.nodes.is_empty() {
                let path = Path::root().key("priority_projects").index(i).key("nodes");
                empty(path, "a priority project's `nodes`", "重点プロジェクトの項目");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_plan_without_nodes_is_reported() {
        let mut p = plan();
        p.nodes.clear();
        let got: Vec<_> = found(&p)
            .into_iter()
            .filter(|(c, _)| c == "collection.empty")
            .collect();
        assert_eq!(got, expect(&[("collection.empty", "/nodes")]));
    }
}
