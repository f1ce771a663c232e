//! `period.reversed`, `period.implausible`, `period.year_outside`: the plan period must run
//! forwards and be of a plausible length, and the years hung on it (phases, the mid-term
//! review, indicator targets) must lie inside it.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{self, FiscalYear, Plan};
use crate::validate::walk::{Stack, Visitor, Visits, YearRole};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

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
            IssueCode::PhaseOverlap,
        ]
    }

    fn visitor<'p>(&self, plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Years {
            period: &plan.period,
            indicators: Vec::new(),
        }))
    }
}

/// Collects indicator years outside the period during the walk; the period itself, its phases
/// and its review are checked at the end.
struct Years<'p> {
    period: &'p model::Period,
    indicators: Vec<Issue>,
}

impl Visitor<'_> for Years<'_> {
    fn visits(&self) -> Visits {
        Visits::YEAR
    }

    fn year(&mut self, year: FiscalYear, role: YearRole, path: &Stack) {
        let end = self.period.end_fiscal_year;
        let outside = match role {
            YearRole::Target => !self.period.contains(year),
            // A baseline is measured before or during the plan, never after it.
            YearRole::Baseline => year > end,
            _ => false,
        };
        if outside {
            let (en, ja) = if role == YearRole::Target {
                ("the target", "目標値")
            } else {
                ("the baseline", "現状値")
            };
            self.indicators
                .push(outside_issue(self.period, path.path(&[]), year, en, ja));
        }
    }
}

impl RuleVisitor<'_> for Years<'_> {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        let period = self.period;
        let pp = Path::root().key("period");
        let (start, end) = (period.start_fiscal_year, period.end_fiscal_year);
        if end < start {
            out.push(reversed(pp.key("end_fiscal_year"), start, end));
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
        let check = |out: &mut Vec<Issue>, path: Path, year: FiscalYear, en: &str, ja: &str| {
            if !period.contains(year) {
                out.push(outside_issue(period, path, year, en, ja));
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
            check(
                out,
                at.clone().key("start_fiscal_year"),
                ph.start_fiscal_year,
                "the phase's first",
                "期の初年度",
            );
            check(
                out,
                at.key("end_fiscal_year"),
                ph.end_fiscal_year,
                "the phase's last",
                "期の最終年度",
            );
        }
        overlaps(period, &pp, out);
        if let Some(y) = period.mid_term_review_fiscal_year {
            check(
                out,
                pp.key("mid_term_review_fiscal_year"),
                y,
                "the mid-term review",
                "中間見直し",
            );
        }
        out.extend(self.indicators);
    }
}

/// Phases that share a fiscal year: each phase is compared with every earlier one (plans have
/// two or three phases).
fn overlaps(period: &model::Period, pp: &Path, out: &mut Vec<Issue>) {
    let phases = &period.phases;
    for (i, ph) in phases.iter().enumerate() {
        let earlier = phases.iter().take(i).find(|o| {
            o.start_fiscal_year <= o.end_fiscal_year
                && ph.start_fiscal_year <= ph.end_fiscal_year
                && o.start_fiscal_year <= ph.end_fiscal_year
                && ph.start_fiscal_year <= o.end_fiscal_year
        });
        if let Some(o) = earlier {
            let (a, b) = (
                ph.start_fiscal_year.max(o.start_fiscal_year),
                ph.end_fiscal_year.min(o.end_fiscal_year),
            );
            let years = if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            };
            out.push(Issue::new(
                IssueCode::PhaseOverlap,
                pp.clone().key("phases").index(i),
                format!(
                    "phase `{}` overlaps phase `{}` in fiscal year {years}",
                    ph.id, o.id
                ),
                format!(
                    "期 `{}` と期 `{}` の年度が重なっています（{}年度）",
                    ph.id,
                    o.id,
                    years.replace('–', "〜")
                ),
            ));
        }
    }
}

fn outside_issue(
    period: &model::Period,
    path: Path,
    year: FiscalYear,
    what_en: &str,
    what_ja: &str,
) -> Issue {
    let (start, end) = (period.start_fiscal_year, period.end_fiscal_year);
    Issue::new(
        IssueCode::YearOutsidePeriod,
        path,
        format!("{what_en} fiscal year `{year}` is outside the plan period {start}–{end}"),
        format!("{what_ja}の年度 `{year}` が計画期間（{start}〜{end}年度）の外です"),
    )
}

fn reversed(path: Path, start: FiscalYear, end: FiscalYear) -> Issue {
    Issue::new(
        IssueCode::PeriodReversed,
        path,
        format!("the period ends in fiscal year `{end}`, before it starts in `{start}`"),
        format!("期間の最終年度 `{end}` が初年度 `{start}` より前です"),
    )
}

#[cfg(test)]
mod tests {
    use crate::model::{FiscalYear, Indicator, Observation, Phase, Quantity, Text};
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
        let observation = |year, value: Quantity| Observation {
            fiscal_year: FiscalYear(year),
            value,
            note: None,
            extensions: Default::default(),
        };
        p.nodes[0].indicators.push(Indicator {
            id: "ind-1".into(),
            name: Text::new("指標", None),
            unit: None,
            kind: None,
            value_type: None,
            direction: None,
            comparator: None,
            baseline: Some(observation(2021, Quantity::Integer(1))),
            targets: vec![observation(2033, Quantity::Integer(2))],
            source: None,
            definition: None,
            lineage: Vec::new(),
            extensions: Default::default(),
        });
        assert_eq!(
            found(&p),
            expect(&[
                ("period.year_outside", "/period/mid_term_review_fiscal_year"),
                (
                    "period.year_outside",
                    "/nodes/0/indicators/0/targets/0/fiscal_year"
                ),
            ])
        );
    }

    #[test]
    fn overlapping_phases_are_an_error() {
        let mut p = plan();
        let phase = |id: &str, start, end| Phase {
            id: id.into(),
            name: Text::new(id, None),
            start_fiscal_year: FiscalYear(start),
            end_fiscal_year: FiscalYear(end),
            extensions: Default::default(),
        };
        p.period.phases = vec![phase("early", 2023, 2027), phase("late", 2027, 2032)];
        assert_eq!(found(&p), expect(&[("period.phase_overlap", "/period/phases/1")]));
        p.period.phases[1].start_fiscal_year = FiscalYear(2028);
        assert_eq!(found(&p), expect(&[]));
    }
}
