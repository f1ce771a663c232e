//! `fiscal_year.out_of_range`: every fiscal year in the plan must lie in the years the format
//! (and its era tables) cover.

use crate::error::{Issue, IssueCode};
use crate::model::FiscalYear;
use crate::validate::walk::{walk, Stack, Visitor};
use crate::validate::{Context, Rule};

pub struct FiscalYears;

impl Rule for FiscalYears {
    fn name(&self) -> &'static str {
        "fiscal_years"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::FiscalYearOutOfRange]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        walk(cx.plan, &mut Range { out });
    }
}

struct Range<'o> {
    out: &'o mut Vec<Issue>,
}

impl Visitor<'_> for Range<'_> {
    fn year(&mut self, year: FiscalYear, path: &Stack) {
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
