//! `id.duplicate`: two parts of the plan share an id (ids are one namespace per plan).

use crate::error::{Issue, IssueCode};
use crate::preview;
use crate::validate::walk::{paths_of, Counted};
use crate::validate::{Context, Rule};

pub struct DuplicateIds;

impl Rule for DuplicateIds {
    fn name(&self) -> &'static str {
        "duplicate_ids"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::DuplicateId]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let dups = &cx.ids.duplicates;
        if dups.is_empty() {
            return;
        }
        let visits: Vec<u32> = dups
            .iter()
            .flat_map(|&(_, first, again)| [first, again])
            .collect();
        let paths = paths_of(cx.plan, Counted::Ids, &visits);
        for (id, first, again) in dups {
            let path = paths.get(again).cloned().unwrap_or_default();
            let first_path = paths.get(first).cloned().unwrap_or_default();
            out.push(Issue::new(
                IssueCode::DuplicateId,
                path,
                format!("id `{}` is already used at `{first_path}`", preview(id)),
                format!("ID `{}` は `{first_path}` で既に使われています", preview(id)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn the_second_use_is_reported_and_names_the_first() {
        let mut p = plan();
        assert_eq!(p.actors[7].id.as_str(), "business"); // referenced nowhere
        p.actors[7].id = p.actors[0].id.clone();
        let issues = crate::validate(&p);
        assert_eq!(found(&p), expect(&[("id.duplicate", "/actors/7/id")]));
        assert!(
            issues[0].message_en.contains("`/actors/0/id`"),
            "{}",
            issues[0].message_en
        );
    }
}
