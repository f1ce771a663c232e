//! `help_model.sectors_mismatch`, `help_model.sector_not_in_model`: a plan declares the three-
//! or four-help model, defines exactly that model's sectors in order, and uses no other.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{HelpModelKind, HelpSector};
use crate::validate::{Context, Rule};

pub struct HelpModel;

impl Rule for HelpModel {
    fn name(&self) -> &'static str {
        "help_model"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::HelpModelMismatch, IssueCode::SectorNotInModel]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        let model = &p.help_model;
        let want = model.kind.sectors();
        let have: Vec<HelpSector> = model.sectors.iter().map(|s| s.sector).collect();
        if !have.is_empty() && have != want {
            let list = |s: &[HelpSector]| s.iter().map(|h| h.code()).collect::<Vec<_>>().join("`, `");
            let list_ja = |s: &[HelpSector]| s.iter().map(|h| h.label_ja()).collect::<Vec<_>>().join("・");
            let kind = match model.kind {
                HelpModelKind::ThreeHelp => "three_help",
                HelpModelKind::FourHelp => "four_help",
            };
            out.push(Issue::new(
                IssueCode::HelpModelMismatch,
                Path::root().key("help_model").key("sectors"),
                format!(
                    "the `{kind}` model defines `{}` in that order; found `{}`",
                    list(want),
                    list(&have)
                ),
                format!(
                    "{}のモデルでは {} をこの順に定義します（実際: {}）",
                    list_ja(want),
                    list_ja(want),
                    list_ja(&have)
                ),
            ));
        }
        let mut foreign = |path: Path, sector: HelpSector| {
            if !model.has(sector) {
                out.push(Issue::new(
                    IssueCode::SectorNotInModel,
                    path,
                    format!("sector `{}` is not part of this plan's help model", sector.code()),
                    format!("{}はこの計画の助けあいのモデルにありません", sector.label_ja()),
                ));
            }
        };
        for (i, a) in p.actors.iter().enumerate() {
            foreign(Path::root().key("actors").index(i).key("sector"), a.sector);
        }
        for r in p.initiatives() {
            for (n, part) in r.initiative.participants.iter().enumerate() {
                let path = Path::root()
                    .key("goals")
                    .index(r.goal_index)
                    .key("targets")
                    .index(r.target_index)
                    .key("initiatives")
                    .index(r.initiative_index)
                    .key("participants")
                    .index(n)
                    .key("sector");
                foreign(path, part.sector);
            }
        }
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
