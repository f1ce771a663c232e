//! `reference.dangling`: a reference that names no part of the kind it should.

use crate::error::{Issue, IssueCode};
use crate::model::Id;
use crate::preview;
use crate::validate::walk::{walk, Kind, Stack, Visitor};
use crate::validate::{Context, IdIndex, Rule};

pub struct References;

impl Rule for References {
    fn name(&self) -> &'static str {
        "references"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::DanglingReference]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        walk(cx.plan, &mut Resolve { ids: &cx.ids, out });
    }
}

struct Resolve<'a, 'p> {
    ids: &'a IdIndex<'p>,
    out: &'a mut Vec<Issue>,
}

impl Visitor<'_> for Resolve<'_, '_> {
    fn reference(&mut self, id: &Id, want: Kind, path: &Stack) {
        let found = self.ids.kind_of(id.as_str());
        if found == Some(want) {
            return;
        }
        let (want_en, want_ja) = want.names();
        let id = preview(id.as_str());
        let (en, ja) = match found {
            Some(other) => {
                let (other_en, other_ja) = other.names();
                (
                    format!("`{id}` names a {other_en}, not a {want_en}"),
                    format!("`{id}` は{other_ja}のIDで、{want_ja}ではありません"),
                )
            }
            None => (
                format!("no {want_en} has id `{id}`"),
                format!("ID `{id}` の{want_ja}はありません"),
            ),
        };
        self.out
            .push(Issue::new(IssueCode::DanglingReference, path.path(&[]), en, ja));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Id;
    use crate::validate::rules::testing::*;

    #[test]
    fn unknown_ids_and_ids_of_the_wrong_kind_both_dangle() {
        let mut p = plan();
        let ini = &mut p.goals[0].targets[0].initiatives[0];
        ini.challenges = vec![Id::from("c99"), Id::from("g1")];
        let issues = crate::validate(&p);
        let codes: Vec<_> = found(&p)
            .into_iter()
            .filter(|(c, _)| c == "reference.dangling")
            .collect();
        assert_eq!(
            codes,
            expect(&[
                (
                    "reference.dangling",
                    "/goals/0/targets/0/initiatives/0/challenges/0"
                ),
                (
                    "reference.dangling",
                    "/goals/0/targets/0/initiatives/0/challenges/1"
                ),
            ])
        );
        assert!(issues
            .iter()
            .any(|i| i.message_en == "`g1` names a basic goal, not a challenge"));
    }
}
