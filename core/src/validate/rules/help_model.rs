//! `help_model.sectors_mismatch`, `help_model.sector_not_in_model`: a plan declares the three-
//! or four-help model, defines exactly that model's sectors in order, and uses no other.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{self, HelpSector, Plan};
use crate::validate::walk::{Stack, Visitor};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct HelpModel;

impl Rule for HelpModel {
    fn name(&self) -> &'static str {
        "help_model"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::HelpModelMismatch, IssueCode::SectorNotInModel]
    }

    fn visitor<'p>(&self, plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Sectors {
            model: &plan.help_model,
            foreign: Vec::new(),
        }))
    }
}

/// Collects sectors used outside the model during the walk.
struct Sectors<'p> {
    model: &'p model::HelpModel,
    foreign: Vec<Issue>,
}

impl Visitor<'_> for Sectors<'_> {
    fn sector(&mut self, sector: HelpSector, path: &Stack) {
        if !self.model.has(sector) {
            self.foreign.push(Issue::new(
                IssueCode::SectorNotInModel,
                path.path(&[]),
                format!("sector `{}` is not part of this plan's help model", sector.code()),
                format!("{}はこの計画の助けあいのモデルにありません", sector.label_ja()),
            ));
        }
    }
}

impl RuleVisitor<'_> for Sectors<'_> {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        let model = self.model;
        let want = model.kind.sectors();
        let have: Vec<HelpSector> = model.sectors.iter().map(|s| s.sector).collect();
        if !have.is_empty() && have != want {
            let list = |s: &[HelpSector]| s.iter().map(|h| h.code()).collect::<Vec<_>>().join("`, `");
            let list_ja = |s: &[HelpSector]| s.iter().map(|h| h.label_ja()).collect::<Vec<_>>().join("・");
            let kind = model.kind.labels().0;
            out.push(Issue::new(
                IssueCode::HelpModelMismatch,
                Path::root().key("help_model").key("sectors"),
                format!(
                    "the `{kind}` model defines `{}` in that order; found `{}`",
                    list(want),
                    list(&have)
                ),
                format!(
                    "{}のモデルでは、この順に定義します（実際: {}）",
                    list_ja(want),
                    list_ja(&have)
                ),
            ));
        }
        out.extend(self.foreign);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::HelpSector;
    use crate::validate::rules::testing::*;

    #[test]
    fn reciprocal_help_is_foreign_to_a_three_help_plan() {
        let mut p = plan();
        p.actors[0].sector = HelpSector::ReciprocalHelp;
        assert_eq!(
            found(&p),
            expect(&[("help_model.sector_not_in_model", "/actors/0/sector")])
        );
    }

    #[test]
    fn definitions_must_match_the_declared_model() {
        let mut p = plan();
        p.help_model.sectors.swap(0, 2);
        assert_eq!(
            found(&p),
            expect(&[("help_model.sectors_mismatch", "/help_model/sectors")])
        );
    }
}
