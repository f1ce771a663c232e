//! `fiscal_year.out_of_range`: every fiscal year in the plan must lie in the years the format
//! (and its era tables) cover.

use crate::error::{Issue, IssueCode};
use crate::model::{FiscalYear, Plan};
use crate::validate::walk::{Stack, Visitor, Visits, YearRole};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct FiscalYears;

impl Rule for FiscalYears {
    fn name(&self) -> &'static str {
        "fiscal_years"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::FiscalYearOutOfRange]
    }

    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Range { out: Vec::new() }))
    }
}

struct Range {
    out: Vec<Issue>,
}

impl RuleVisitor<'_> for Range {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        out.extend(self.out);
    }
}

impl Visitor<'_> for Range {
    fn visits(&self) -> Visits {
        Visits::YEAR
    }

    fn year(&mut self, year: FiscalYear, _role: YearRole, path: &Stack) {
        if !year.in_range() {
            let (min, max) = (FiscalYear::MIN, FiscalYear::MAX);
            self.out.push(Issue::new(
                IssueCode::FiscalYearOutOfRange,
                path.path(&[]),
                format!("fiscal year `{year}` is outside {min}..{max}"),
                format!("年度 `{year}` は対応範囲（{min}〜{max}年度）の外です"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::FiscalYear;
    use crate::validate::rules::testing::*;

    #[test]
    fn a_year_before_meiji_is_out_of_range() {
        let mut p = plan();
        p.period.start_fiscal_year = FiscalYear(1800);
        let got = found(&p);
        assert!(
            got.contains(&(
                "fiscal_year.out_of_range".into(),
                "/period/start_fiscal_year".into()
            )),
            "{got:?}"
        );
    }
}
