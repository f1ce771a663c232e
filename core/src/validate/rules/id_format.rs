//! `id.invalid`: an id or reference that does not have the id format.

use crate::error::{Issue, IssueCode};
use crate::model::{Id, Plan, MAX_ID_LEN};
use crate::preview;
use crate::validate::walk::{Kind, Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct IdFormat;

impl Rule for IdFormat {
    fn name(&self) -> &'static str {
        "id_format"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::InvalidId]
    }

    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Format { out: Vec::new() }))
    }
}

struct Format {
    out: Vec<Issue>,
}

impl RuleVisitor<'_> for Format {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        out.extend(self.out);
    }
}

impl Visitor<'_> for Format {
    fn visits(&self) -> Visits {
        Visits::ID.and(Visits::FOREIGN)
    }

    fn id(&mut self, id: &Id, _kind: Kind, path: &Stack) {
        self.check(id, path);
    }

    /// An id of the previous edition must have the format too, or it names nothing there.
    fn foreign(&mut self, id: &Id, path: &Stack) {
        self.check(id, path);
    }
}

impl Format {
    fn check(&mut self, id: &Id, path: &Stack) {
        if !id.is_well_formed() {
            self.out.push(Issue::new(
                IssueCode::InvalidId,
                path.path(&[]),
                format!(
                    "id `{}` is not valid: use lowercase letters and digits joined by single `-`, `_` or `.`, at most {MAX_ID_LEN} characters",
                    preview(id.as_str())
                ),
                format!(
                    "ID `{}` は形式に合いません（英小文字と数字を1つの `-`・`_`・`.` でつなぎ、{MAX_ID_LEN}文字以内）",
                    preview(id.as_str())
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Id;
    use crate::validate::rules::testing::*;

    #[test]
    fn ids_with_capitals_or_spaces_are_invalid() {
        let mut p = plan();
        p.actors[0].id = Id::from("Residents");
        let before = p.actors[0].id.clone();
        // Keep references intact so that only the format is at fault.
        for g in &mut p.nodes {
            for t in &mut g.children {
                for i in &mut t.children {
                    for part in &mut i.participants {
                        if part.actor.as_str() == "resident" {
                            part.actor = before.clone();
                        }
                    }
                }
            }
        }
        assert_eq!(found(&p), expect(&[("id.invalid", "/actors/0/id")]));
    }

    #[test]
    fn an_id_of_the_previous_edition_must_have_the_format_too() {
        let mut p = plan();
        p.nodes[0].lineage.push(crate::model::Lineage {
            from: Id::from("Goal 1"),
            change: crate::model::LineageChange::Reworded,
            extensions: Default::default(),
        });
        p.challenges[0].lineage.push(crate::model::Lineage {
            from: Id::from("kadai-1"),
            change: crate::model::LineageChange::Unchanged,
            extensions: Default::default(),
        });
        assert_eq!(found(&p), expect(&[("id.invalid", "/nodes/0/lineage/0/from")]));
    }
}
