//! `help_model.sectors_mismatch`, `help_model.sector_not_in_model`, `help_model.label_missing`:
//! a plan that declares the three- or four-help model defines exactly that model's sectors in
//! order; a custom model labels each of its own; no part uses a sector the model lacks (or any
//! sector, when the plan has no help model).

use crate::error::{Issue, IssueCode, Path};
use crate::model::{self, HelpModelKind, HelpSector, Id, Plan};
use crate::preview;
use crate::validate::walk::{Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct HelpModel;

impl Rule for HelpModel {
    fn name(&self) -> &'static str {
        "help_model"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::HelpModelMismatch,
            IssueCode::SectorNotInModel,
            IssueCode::SectorLabelMissing,
        ]
    }

    fn visitor<'p>(&self, plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Sectors {
            model: plan.help_model.as_ref(),
            foreign: Vec::new(),
        }))
    }
}

/// Collects sectors used outside the model during the walk.
struct Sectors<'p> {
    model: Option<&'p model::HelpModel>,
    foreign: Vec<Issue>,
}

impl<'p> Visitor<'p> for Sectors<'p> {
    fn visits(&self) -> Visits {
        Visits::SECTOR
    }

    fn sector(&mut self, sector: &'p Id, path: &Stack) {
        if self.model.is_some_and(|m| m.has(sector.as_str())) {
            return;
        }
        // Only now: a plan's every participation names a sector, and nearly all are fine.
        let code = preview(sector.as_str());
        match self.model {
            Some(_) => self.foreign.push(Issue::new(
                IssueCode::SectorNotInModel,
                path.path(&[]),
                format!("sector `{code}` is not part of this plan's help model"),
                format!("`{code}` はこの計画の助けあいの区分にありません"),
            )),
            None => self.foreign.push(Issue::new(
                IssueCode::SectorNotInModel,
                path.path(&[]),
                format!("sector `{code}` is given, but the plan declares no help model"),
                format!("区分 `{code}` がありますが、計画に助けあいの区分（help_model）がありません"),
            )),
        }
    }
}

impl<'p> RuleVisitor<'p> for Sectors<'p> {
    fn finish(self: Box<Self>, _cx: &Context<'p>, out: &mut Vec<Issue>) {
        if let Some(model) = self.model {
            defined(model, out);
        }
        out.extend(self.foreign);
    }
}

/// The sectors the model defines: a built-in model's, in order; a custom model's, labelled.
fn defined(model: &model::HelpModel, out: &mut Vec<Issue>) {
    let sectors = Path::root().key("help_model").key("sectors");
    if model.kind == HelpModelKind::Custom {
        for (i, s) in model.sectors.iter().enumerate() {
            if s.label.is_none() {
                let code = preview(s.sector.as_str());
                out.push(Issue::new(
                    IssueCode::SectorLabelMissing,
                    sectors.clone().index(i),
                    format!("sector `{code}` of a custom help model needs a `label`"),
                    format!("独自の区分 `{code}` に名称（label）がありません"),
                ));
            }
        }
        return;
    }
    let want = model.kind.sectors();
    let have: Vec<&str> = model.sectors.iter().map(|s| s.sector.as_str()).collect();
    let want_codes: Vec<&str> = want.iter().map(|h| h.code()).collect();
    if !have.is_empty() && have != want_codes {
        let label =
            |c: &str| HelpSector::from_code(c).map_or_else(|| preview(c), |h| h.label_ja().to_owned());
        let kind = model.kind.labels().0;
        out.push(Issue::new(
            IssueCode::HelpModelMismatch,
            sectors,
            format!(
                "the `{kind}` model defines `{}` in that order; found `{}`",
                want_codes.join("`, `"),
                have.iter().map(|c| preview(c)).collect::<Vec<_>>().join("`, `")
            ),
            format!(
                "{}のモデルでは、この順に定義します（実際: {}）",
                want.iter().map(|h| h.label_ja()).collect::<Vec<_>>().join("・"),
                have.iter().map(|c| label(c)).collect::<Vec<_>>().join("・")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{HelpModelKind, Id};
    use crate::validate::rules::testing::*;

    #[test]
    fn reciprocal_help_is_foreign_to_a_three_help_plan() {
        let mut p = plan();
        p.actors[0].sector = Some(Id::from("reciprocal_help"));
        assert_eq!(
            found(&p),
            expect(&[("help_model.sector_not_in_model", "/actors/0/sector")])
        );
    }

    #[test]
    fn definitions_must_match_the_declared_model() {
        let mut p = plan();
        if let Some(m) = p.help_model.as_mut() {
            m.sectors.swap(0, 2);
        }
        assert_eq!(
            found(&p),
            expect(&[("help_model.sectors_mismatch", "/help_model/sectors")])
        );
    }

    #[test]
    fn a_plan_without_a_help_model_uses_no_sector_and_a_custom_one_labels_its_own() {
        let mut p = plan();
        p.help_model = None;
        let got = found(&p);
        assert!(!got.is_empty());
        assert!(got.iter().all(|(c, _)| c == "help_model.sector_not_in_model"));
        let mut p = plan();
        if let Some(m) = p.help_model.as_mut() {
            m.kind = HelpModelKind::Custom;
            m.sectors[0].label = Some(crate::Text::new("自助", None));
        }
        assert_eq!(
            found(&p),
            expect(&[
                ("help_model.label_missing", "/help_model/sectors/1"),
                ("help_model.label_missing", "/help_model/sectors/2"),
            ])
        );
    }
}
