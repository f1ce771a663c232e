//! `period.reversed`, `period.implausible`, `period.year_outside`: the plan period must run
//! forwards and be of a plausible length, and the years hung on it (phases, the mid-term
//! review, indicator targets) must lie inside it.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{FiscalYear, Indicator, Plan};
use crate::validate::{Context, Rule};

/// The longest plan period accepted, in fiscal years. Regional welfare plans run five to ten
/// years; twenty leaves room for long-range visions without letting a typo through.
pub const MAX_PERIOD_YEARS: i64 = 20;

pub struct Period;

impl Rule for Period {
    fn name(&self) -> &'static str {
        "period"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::PeriodReversed,
            IssueCode::PeriodImplausible,
            IssueCode::YearOutsidePeriod,
        ]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let p = cx.plan;
        let period = &p.period;
        let pp = Path::root().key("period");
        let (start, end) = (period.start_fiscal_year, period.end_fiscal_year);
        if end < start {
            out.push(reversed(pp.clone().key("end_fiscal_year"), start, end));
            return; // Nothing can lie "inside" a reversed period.
        }
        if period.len_years() > MAX_PERIOD_YEARS {
            let n = period.len_years();
            out.push(Issue::new(
                IssueCode::PeriodImplausible,
                pp.clone().key("end_fiscal_year"),
                format!("the plan period {start}–{end} spans {n} fiscal years; at most {MAX_PERIOD_YEARS} are plausible"),
                format!("計画期間 {start}〜{end}年度 は{n}年あり、長すぎます（{MAX_PERIOD_YEARS}年以内）"),
            ));
        }
        let outside = |out: &mut Vec<Issue>, path: Path, year: FiscalYear, what_en: &str, what_ja: &str| {
            if !period.contains(year) {
                out.push(Issue::new(
                    IssueCode::YearOutsidePeriod,
                    path,
                    format!("{what_en} fiscal year `{year}` is outside the plan period {start}–{end}"),
                    format!("{what_ja}の年度 `{year}` が計画期間（{start}〜{end}年度）の外です"),
                ));
            }
        };
        for (i, ph) in period.phases.iter().enumerate() {
            let at = pp.clone().key("phases").index(i);
            if ph.end_fiscal_year < ph.start_fiscal_year {
                out.push(reversed(
                    at.key("end_fiscal_year"),
                    ph.start_fiscal_year,
                    ph.end_fiscal_year,
                ));
                continue;
            }
            outside(
                out,
                at.clone().key("start_fiscal_year"),
                ph.start_fiscal_year,
                "the phase's first",
                "期の初年度",
            );
            outside(
                out,
                at.key("end_fiscal_year"),
                ph.end_fiscal_year,
                "the phase's last",
                "期の最終年度",
            );
        }
        if let Some(y) = period.mid_term_review_fiscal_year {
            outside(
                out,
                pp.key("mid_term_review_fiscal_year"),
                y,
                "the mid-term review",
                "中間見直し",
            );
        }
        for_each_indicator(p, |path, ind| {
            if let Some(b) = &ind.baseline {
                // A baseline is measured before or during the plan, never after it.
                if b.fiscal_year > end {
                    outside(
                        out,
                        path.clone().key("baseline").key("fiscal_year"),
                        b.fiscal_year,
                        "the baseline",
                        "現状値",
                    );
                }
            }
            for (i, t) in ind.targets.iter().enumerate() {
                let at = path.clone().key("targets").index(i).key("fiscal_year");
                outside(out, at, t.fiscal_year, "the target", "目標値");
            }
        });
    }
}

fn reversed(path: Path, start: FiscalYear, end: FiscalYear) -> Issue {
    Issue::new(
        IssueCode::PeriodReversed,
        path,
        format!("the period ends in fiscal year `{end}`, before it starts in `{start}`"),
        format!("期間の最終年度 `{end}` が初年度 `{start}` より前です"),
    )
}

/// Calls `f` with the path and value of every indicator in the plan.
fn for_each_indicator(p: &Plan, mut f: impl FnMut(Path, &Indicator)) {
    for (gi, g) in p.goals.iter().enumerate() {
        let gp = Path::root().key("goals").index(gi);
        for (n, ind) in g.indicators.iter().enumerate() {
            f(gp.clone().key("indicators").index(n), ind);
        }
        for (ti, t) in g.targets.iter().enumerate() {
            let tp = gp.clone().key("targets").index(ti);
            for (n, ind) in t.indicators.iter().enumerate() {
                f(tp.clone().key("indicators").index(n), ind);
            }
            for (ii, i) in t.initiatives.iter().enumerate() {
                let ip = tp.clone().key("initiatives").index(ii);
                for (n, ind) in i.indicators.iter().enumerate() {
                    f(ip.clone().key("indicators").index(n), ind);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{FiscalYear, Indicator, Observation, Text};
    use crate::validate::rules::testing::*;

    #[test]
    fn a_reversed_period_is_reported_once() {
        let mut p = plan();
        p.period.end_fiscal_year = FiscalYear(2020);
        assert_eq!(
            found(&p),
            expect(&[("period.reversed", "/period/end_fiscal_year")])
        );
    }

    #[test]
    fn a_century_long_period_is_implausible() {
        let mut p = plan();
        p.period.end_fiscal_year = FiscalYear(2123);
        assert_eq!(
            found(&p),
            expect(&[("period.implausible", "/period/end_fiscal_year")])
        );
    }

    #[test]
    fn target_years_must_fall_in_the_period_but_baselines_may_precede_it() {
        let mut p = plan();
        p.period.mid_term_review_fiscal_year = Some(FiscalYear(2040));
        p.goals[0].indicators.push(Indicator {
            id: "ind-1".into(),
            name: Text::new("指標", None),
            unit: None,
            baseline: Some(Observation {
                fiscal_year: FiscalYear(2021),
                value: 1.0,
            }),
            targets: vec![Observation {
                fiscal_year: FiscalYear(2033),
                value: 2.0,
            }],
        });
        assert_eq!(
            found(&p),
            expect(&[
                ("period.year_outside", "/period/mid_term_review_fiscal_year"),
                (
                    "period.year_outside",
                    "/goals/0/indicators/0/targets/0/fiscal_year"
                ),
            ])
        );
    }
}
